import { templeDateOf, templeTimeOf, type Slot as SlotDto } from '@sevabook/shared';
import type { Seva, Slot } from '../generated/prisma/client.ts';
import { bookingWindow, unbookableReason } from './booking-window.ts';

export type SlotWithSeva = Slot & { seva: Seva };

export function toSlotDto(slot: SlotWithSeva, now: Date, timeZone: string): SlotDto {
  const window = bookingWindow(slot.startsAt, slot.seva, timeZone);
  const reason = unbookableReason(slot, slot.seva, now, timeZone);
  return {
    id: slot.id,
    sevaId: slot.sevaId,
    startsAt: slot.startsAt.toISOString(),
    date: templeDateOf(slot.startsAt, timeZone),
    time: templeTimeOf(slot.startsAt, timeZone),
    capacity: slot.capacity,
    booked: slot.booked,
    remaining: Math.max(0, slot.capacity - slot.booked),
    status: slot.status,
    bookable: reason === null,
    unbookableReason: reason,
    bookingOpensAt: window.opensAt.toISOString(),
    bookingClosesAt: window.closesAt.toISOString(),
    // Full while booking is open: devotees may join its waiting list (waitlist/join-waitlist.ts).
    waitlist: { open: reason === 'full' },
  };
}
