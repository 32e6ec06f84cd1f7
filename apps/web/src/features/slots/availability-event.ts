import type { AvailabilityEvent, Slot, SlotList } from '@sevabook/shared';

/**
 * A slot after a live availability event. The event carries places and status only, so whether
 * the slot can be booked is worked out here the same way the API does: status, then places,
 * then the booking window.
 */
export function applyAvailabilityEvent(
  slot: Slot,
  event: AvailabilityEvent,
  now: Date = new Date(),
): Slot {
  if (slot.id !== event.slotId) return slot;
  const next: Slot = {
    ...slot,
    capacity: event.capacity,
    booked: event.booked,
    remaining: event.remaining,
    status: event.status,
  };
  if (event.status !== 'open') return { ...next, bookable: false, unbookableReason: event.status };
  if (event.remaining <= 0) return { ...next, bookable: false, unbookableReason: 'full' };
  // A reason the event knows nothing about (e.g. the seva was switched off) still stands.
  if (slot.unbookableReason === 'seva_inactive') return next;
  const t = now.getTime();
  if (t < Date.parse(slot.bookingOpensAt))
    return { ...next, bookable: false, unbookableReason: 'not_open_yet' };
  if (t >= Date.parse(slot.bookingClosesAt)) {
    return { ...next, bookable: false, unbookableReason: 'booking_closed' };
  }
  return { ...next, bookable: true, unbookableReason: null };
}

/** The list with the event applied; the same object when the event is for none of its slots. */
export function applyAvailabilityEventToList(
  list: SlotList,
  event: AvailabilityEvent,
  now: Date = new Date(),
): SlotList {
  if (!list.items.some((s) => s.id === event.slotId)) return list;
  return { ...list, items: list.items.map((s) => applyAvailabilityEvent(s, event, now)) };
}
