import type { AvailabilityEvent, Slot } from '@sevabook/shared';
import { describe, expect, it } from 'vitest';
import { applyAvailabilityEvent, applyAvailabilityEventToList } from './availability-event.ts';

const now = new Date('2026-11-24T10:00:00Z');

const slot = (over: Partial<Slot> = {}): Slot => ({
  id: 7,
  sevaId: 1,
  startsAt: '2026-11-25T01:30:00.000Z',
  date: '2026-11-25',
  time: '07:00',
  capacity: 10,
  booked: 8,
  remaining: 2,
  status: 'open',
  bookable: true,
  unbookableReason: null,
  bookingOpensAt: '2026-10-25T18:30:00.000Z',
  bookingClosesAt: '2026-11-25T01:00:00.000Z',
  ...over,
});

const event = (over: Partial<AvailabilityEvent> = {}): AvailabilityEvent => ({
  slotId: 7,
  sevaId: 1,
  capacity: 10,
  booked: 10,
  remaining: 0,
  status: 'open',
  ...over,
});

describe('applyAvailabilityEvent', () => {
  it('turns a slot full when its last place is taken', () => {
    const next = applyAvailabilityEvent(slot(), event(), now);
    expect(next).toMatchObject({
      remaining: 0,
      booked: 10,
      bookable: false,
      unbookableReason: 'full',
    });
  });

  it('opens a full slot again when a booking is cancelled', () => {
    const full = slot({ booked: 10, remaining: 0, bookable: false, unbookableReason: 'full' });
    const next = applyAvailabilityEvent(full, event({ booked: 9, remaining: 1 }), now);
    expect(next).toMatchObject({ remaining: 1, bookable: true, unbookableReason: null });
  });

  it('does not reopen a freed place once the booking window has closed', () => {
    const full = slot({ booked: 10, remaining: 0, bookable: false, unbookableReason: 'full' });
    const late = new Date('2026-11-25T01:10:00Z');
    expect(applyAvailabilityEvent(full, event({ booked: 9, remaining: 1 }), late)).toMatchObject({
      bookable: false,
      unbookableReason: 'booking_closed',
    });
  });

  it('shows a slot closed by the temple as closed, whatever its places', () => {
    expect(
      applyAvailabilityEvent(slot(), event({ status: 'closed', booked: 0, remaining: 10 }), now),
    ).toMatchObject({
      bookable: false,
      unbookableReason: 'closed',
    });
  });

  it('leaves other slots alone, and a list it does not touch unchanged', () => {
    const other = slot({ id: 8 });
    expect(applyAvailabilityEvent(other, event(), now)).toBe(other);
    const list = { items: [other] };
    expect(applyAvailabilityEventToList(list, event(), now)).toBe(list);
    const both = { items: [slot(), other] };
    const patched = applyAvailabilityEventToList(both, event(), now);
    expect(patched.items[0]?.remaining).toBe(0);
    expect(patched.items[1]).toBe(other);
  });
});
