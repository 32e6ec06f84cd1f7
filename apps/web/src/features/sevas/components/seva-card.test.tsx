import type { Seva } from '@sevabook/shared';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithApp } from '../../../testing/render-with-app.tsx';
import { SevaCard } from './seva-card.tsx';

const seva: Seva = {
  id: 7,
  slug: 'archana',
  name: { en: 'Archana', kn: 'ಅರ್ಚನೆ', hi: null, te: null },
  description: { en: 'Worship', kn: 'ಪೂಜೆ', hi: null, te: null },
  durationMinutes: 15,
  feePaise: 5000,
  defaultCapacity: 10,
  maxPersonsPerBooking: 4,
  bookingOpensDaysAhead: 30,
  bookingClosesMinutesBefore: 30,
  arriveMinutesBefore: 0,
  bringNote: null,
  asks: { gotra: true, nakshatra: true, rashi: false },
  active: true,
  nextOpenDates: ['2099-11-25', '2099-11-27'],
};

describe('SevaCard', () => {
  it('takes the devotee to the seva with a next open date already chosen', async () => {
    await renderWithApp(<SevaCard seva={seva} />, { language: 'kn' });
    const links = screen
      .getAllByRole('link')
      .filter((a) => a.getAttribute('href')?.includes('date='));
    expect(links.map((a) => a.getAttribute('href'))).toEqual([
      '/sevas/7?date=2099-11-25',
      '/sevas/7?date=2099-11-27',
    ]);
  });
});
