import type { AvailabilityEvent, DaySheet, SlotList } from '@sevabook/shared';

/** The day sheet with the event's slot counts applied; the same object when it has no such slot. */
export function applyEventToDaySheet(sheet: DaySheet, event: AvailabilityEvent): DaySheet {
  if (!sheet.slots.some((s) => s.id === event.slotId)) return sheet;
  return {
    ...sheet,
    slots: sheet.slots.map((s) =>
      s.id === event.slotId
        ? { ...s, capacity: event.capacity, booked: event.booked, status: event.status }
        : s,
    ),
  };
}

/** A slot list with the event applied; bookable is left to the next fetch except when full. */
export function applyEventToSlotList(list: SlotList, event: AvailabilityEvent): SlotList {
  if (!list.items.some((s) => s.id === event.slotId)) return list;
  return {
    ...list,
    items: list.items.map((s) =>
      s.id === event.slotId
        ? {
            ...s,
            capacity: event.capacity,
            booked: event.booked,
            remaining: event.remaining,
            status: event.status,
            bookable: s.bookable && event.status === 'open' && event.remaining > 0,
          }
        : s,
    ),
  };
}
