import type { CheckInResult } from '@sevabook/shared';
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../locales/en.ts';
import { gateAnswer } from './answer.ts';

const booking: NonNullable<CheckInResult['booking']> = {
  id: 1,
  reference: 'SB-7K3Q9P',
  devoteeName: 'Lakshmi Rao',
  persons: 3,
  status: 'confirmed',
  seva: { id: 2, name: { en: 'Archana', kn: 'ಅರ್ಚನೆ', hi: null, te: null } },
  slot: { id: 7, startsAt: '2026-12-06T01:00:00.000Z', date: '2026-12-06', time: '06:30' },
  arrivedAt: null,
  arrivedBy: null,
};
const format = {
  date: (d: string) => `date ${d}`,
  time: () => '06:42',
  seva: (b: typeof booking) => b.seva.name.en,
};

describe('gateAnswer', () => {
  beforeAll(async () => {
    await i18next.init({ lng: 'en', resources: { en: { translation: en } } });
  });
  const answer = (result: Partial<CheckInResult>) =>
    gateAnswer({ outcome: 'checked_in', replayed: false, booking, ...result }, i18next.t, format);

  it('is green with name, seva, time and persons for a check-in, and says nothing aloud', () => {
    expect(answer({})).toEqual({
      tone: 'green',
      headline: 'Welcome',
      lines: ['Lakshmi Rao', 'Archana · 06:30', '3 persons'],
      spoken: null,
      offerAnyway: false,
    });
  });

  it('is amber for a booking already checked in, saying when and by whom, aloud too', () => {
    const a = answer({
      outcome: 'already_checked_in',
      booking: { ...booking, arrivedAt: '2026-12-06T01:12:00.000Z', arrivedBy: 'Ravi' },
    });
    expect(a.tone).toBe('amber');
    expect(a.lines[0]).toBe('Already checked in at 06:42 by Ravi');
    expect(a.spoken).toBe('Already checked in. Already checked in at 06:42 by Ravi');
  });

  it('is amber for the wrong day, giving the right one and offering to let them in anyway', () => {
    const a = answer({ outcome: 'wrong_slot' });
    expect(a).toMatchObject({ tone: 'amber', offerAnyway: true });
    expect(a.lines[0]).toBe('This booking is for date 2026-12-06 at 06:30');
  });

  it.each([
    ['cancelled', 'Booking cancelled'],
    ['not_found', 'No such booking'],
    ['invalid_code', 'Not a Sevabook code'],
  ] as const)('is red for %s, spoken', (outcome, headline) => {
    const a = answer({ outcome, booking: outcome === 'cancelled' ? booking : null });
    expect(a).toMatchObject({ tone: 'red', headline, spoken: headline, offerAnyway: false });
  });

  it('says why a booking is not confirmed', () => {
    const a = answer({
      outcome: 'not_confirmed',
      booking: { ...booking, status: 'pending_payment' },
    });
    expect(a.tone).toBe('red');
    expect(a.lines[0]).toBe('Waiting for payment');
  });
});
