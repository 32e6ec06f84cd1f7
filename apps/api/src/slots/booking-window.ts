import { addDaysToDate, startOfTempleDay, templeDateOf } from '@sevabook/shared';
import type { Slot as SlotDto } from '@sevabook/shared';

export interface WindowRules {
  bookingOpensDaysAhead: number;
  bookingClosesMinutesBefore: number;
}

export interface BookingWindow {
  /** Booking opens at the start of the temple day N days before the slot's date. */
  opensAt: Date;
  /** And closes M minutes before the slot starts; so does devotee cancellation. */
  closesAt: Date;
}

export function bookingWindow(startsAt: Date, rules: WindowRules, timeZone: string): BookingWindow {
  const slotDate = templeDateOf(startsAt, timeZone);
  return {
    opensAt: startOfTempleDay(addDaysToDate(slotDate, -rules.bookingOpensDaysAhead), timeZone),
    closesAt: new Date(startsAt.getTime() - rules.bookingClosesMinutesBefore * 60_000),
  };
}

export interface SlotState {
  startsAt: Date;
  capacity: number;
  booked: number;
  status: 'open' | 'closed' | 'cancelled';
}

/** Why a slot cannot be booked at `now`, or null when it can. */
export function unbookableReason(
  slot: SlotState,
  seva: WindowRules & { active: boolean },
  now: Date,
  timeZone: string,
): SlotDto['unbookableReason'] {
  if (slot.status === 'cancelled') return 'cancelled';
  if (slot.status === 'closed') return 'closed';
  if (!seva.active) return 'seva_inactive';
  const window = bookingWindow(slot.startsAt, seva, timeZone);
  if (now > window.closesAt) return 'booking_closed';
  if (now < window.opensAt) return 'not_open_yet';
  if (slot.booked >= slot.capacity) return 'full';
  return null;
}
