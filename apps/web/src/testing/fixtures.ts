import type { Seva, Slot } from '@sevabook/shared';

/** An active seva that takes bookings, asking for gotra and nakshatra; override what a test needs. */
export function aSeva(overrides: Partial<Seva> = {}): Seva {
  return {
    id: 1,
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
    nextOpenDates: [],
    paymentMode: 'counter',
    refundFullHoursBefore: 24,
    ...overrides,
  };
}

/** An open slot of {@link aSeva} far in the future, with 8 of its 10 places left. */
export function aSlot(overrides: Partial<Slot> = {}): Slot {
  return {
    id: 5,
    sevaId: 1,
    startsAt: '2099-11-25T01:30:00.000Z',
    date: '2099-11-25',
    time: '07:00',
    capacity: 10,
    booked: 2,
    remaining: 8,
    status: 'open',
    bookable: true,
    unbookableReason: null,
    bookingOpensAt: '2026-01-01T00:00:00.000Z',
    bookingClosesAt: '2099-11-25T01:00:00.000Z',
    ...overrides,
  };
}
