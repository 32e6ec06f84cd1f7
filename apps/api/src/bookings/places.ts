import type { Tx } from '../db/client.ts';
import { isUniqueViolation } from '../db/db-errors.ts';
import { conflict, type AppError } from '../errors.ts';
import { offerFreedPlaces } from '../waitlist/offer-places.ts';
import type { SlotState } from './pipelined-booking.ts';

/**
 * A slot's places: taken, given back, and why a booking did not get them.
 *
 * What stops an overbooking is the database: `CHECK (booked >= 0 AND booked <= capacity)` on
 * `slot` refuses any statement that would break it. Every statement that takes places is
 * conditional on the places fitting, so a booking that does not fit changes nothing: here
 * (`takePlaces`, for a staff change), and in the booking transaction (pipelined-booking.ts).
 * docs/booking-path.md follows a booking through all of it.
 */

/**
 * Takes `persons` places of an open slot, or fails with slot_full. One conditional UPDATE
 * inside the caller's transaction (docs/decisions/0001): the row lock it takes serialises
 * concurrent changes of the slot, and the WHERE clause means a change that does not fit
 * changes nothing.
 */
export async function takePlaces(tx: Tx, slotId: number, persons: number): Promise<void> {
  const updated = await tx.$executeRaw`
    UPDATE slot SET booked = booked + ${persons}
    WHERE id = ${slotId} AND status = 'open' AND booked + ${persons} <= capacity`;
  if (updated === 1) return;
  throw whyNotTaken((await tx.slot.findUnique({ where: { id: slotId } })) ?? undefined, persons);
}

/**
 * Gives back a cancelled, moved, erased or expired booking's places, and offers them at once to
 * the slot's waiting list in the same transaction (waitlist/offer-places.ts), so no new booking
 * can take places that devotees are waiting for.
 */
export async function releasePlaces(
  tx: Tx,
  slotId: number,
  persons: number,
  now: Date = new Date(),
): Promise<void> {
  await tx.$executeRaw`UPDATE slot SET booked = booked - ${persons} WHERE id = ${slotId}`;
  await offerFreedPlaces(tx, slotId, now);
}

/** Whether the slot's state after the transaction says why a booking was refused. */
export function refusalExplained(
  slot: SlotState | undefined,
  persons: number,
  phoneLimit?: number,
): boolean {
  if (!slot || slot.status !== 'open' || slot.booked + persons > slot.capacity) return true;
  return phoneLimit !== undefined && Number(slot.phoneBookings ?? 0) >= phoneLimit;
}

/** The error for a slot that could not take a booking, from its state at the time. */
export function whyNotTaken(
  slot: SlotState | undefined,
  persons: number,
  phoneLimit?: number,
): AppError {
  const fits = slot && slot.status === 'open' && slot.booked + persons <= slot.capacity;
  if (fits && phoneLimit !== undefined && Number(slot.phoneBookings ?? 0) >= phoneLimit) {
    return conflict(
      'booking_limit_reached',
      'Booking limit reached',
      `This phone number already has ${phoneLimit} bookings of this seva on that day, the most one number may hold. Please contact the temple office for more.`,
    );
  }
  if (slot && slot.status !== 'open') {
    return conflict(
      'slot_not_bookable',
      'Slot not bookable',
      'This slot is no longer open for booking.',
    );
  }
  return slotFull(slot ? slot.capacity - slot.booked : 0);
}

/**
 * The refusal for a phone that already holds a confirmed booking of the slot (the unique index
 * booking_one_confirmed_per_phone refused the row), or undefined for any other error.
 */
export function duplicatePhoneRefusal(error: unknown, slot: 'this' | 'that'): AppError | undefined {
  if (!isUniqueViolation(error, 'booking_one_confirmed_per_phone')) return undefined;
  return conflict(
    'duplicate_booking',
    'Already booked',
    `This phone number already has a confirmed booking for ${slot} slot.`,
  );
}

export function slotFull(left: number): AppError {
  return conflict(
    'slot_full',
    'Slot full',
    left > 0
      ? `Only ${left} ${left === 1 ? 'place is' : 'places are'} left in this slot.`
      : 'All places in this slot have just been taken.',
  );
}
