import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { aSeva } from '../../../testing/fixtures.ts';
import { renderWithApp } from '../../../testing/render-with-app.tsx';
import { SevaCard } from './seva-card.tsx';

const seva = aSeva({ id: 7, nextOpenDates: ['2099-11-25', '2099-11-27'] });

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
