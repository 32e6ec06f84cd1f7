import type { Slot } from '@sevabook/shared';
import { describe, expect, it } from 'vitest';
import { nextOpenDate, pickDate, summariseDays } from './day-summary.ts';

let id = 0;
const slot = (date: string, time: string, over: Partial<Slot> = {}): Slot => ({
  id: ++id,
  sevaId: 1,
  startsAt: `${date}T${time}:00.000Z`,
  date,
  time,
  capacity: 10,
  booked: 0,
  remaining: 10,
  status: 'open',
  bookable: true,
  unbookableReason: null,
  bookingOpensAt: '2026-01-01T00:00:00.000Z',
  bookingClosesAt: '2027-01-01T00:00:00.000Z',
  ...over,
});

const full = { booked: 10, remaining: 0, bookable: false, unbookableReason: 'full' as const };

describe('summariseDays', () => {
  const days = summariseDays([
    slot('2026-11-26', '18:00'),
    slot('2026-11-24', '07:00', full),
    slot('2026-11-26', '07:00', { remaining: 3, booked: 7 }),
    slot('2026-11-25', '07:00', { bookable: false, unbookableReason: 'booking_closed' }),
  ]);

  it('lists dates soonest first, with their slots in time order', () => {
    expect(days.map((d) => d.date)).toEqual(['2026-11-24', '2026-11-25', '2026-11-26']);
    expect(days[2]?.slots.map((s) => s.time)).toEqual(['07:00', '18:00']);
  });

  it('adds up the places that can still be booked', () => {
    expect(days.map((d) => [d.state, d.places])).toEqual([
      ['full', 0],
      ['unavailable', 0],
      ['open', 13],
    ]);
  });

  it('starts on the date asked for, else on the first date with places', () => {
    expect(pickDate(days, '2026-11-25')).toBe('2026-11-25');
    expect(pickDate(days, '2026-12-31')).toBe('2026-11-26');
    expect(pickDate(days, null)).toBe('2026-11-26');
    expect(pickDate([], null)).toBeUndefined();
  });

  it('finds the next date that still has places', () => {
    expect(nextOpenDate(days, '2026-11-24')).toBe('2026-11-26');
    expect(nextOpenDate(days, '2026-11-26')).toBeUndefined();
  });
});
