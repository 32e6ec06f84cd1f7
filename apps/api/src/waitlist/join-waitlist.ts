import {
  addDaysToDate,
  startOfTempleDay,
  templeDateOf,
  toE164,
  type JoinWaitlist,
} from '@sevabook/shared';
import type { Tx } from '../db/client.ts';
import { isUniqueViolation, withDeadlockRetry } from '../db/db-errors.ts';
import { conflict, notFound, validationFailed } from '../errors.ts';
import { ManageTokens } from '../bookings/manage-token.ts';
import { refuseOutsideBookingWindow, refuseTooManyPersons } from '../bookings/booking-terms.ts';
import { waitlistTokenFor } from './entry-token.ts';
import { entryInclude, positionOf, type EntryWithSlot } from './entry-view.ts';
import { WAITLIST_TRANSACTION, type WaitlistDependencies } from './waitlist-dependencies.ts';

/** Statuses in which a booking holds a phone's place in a slot. */
const LIVE_BOOKING = ['confirmed', 'pending_payment', 'offered'] as const;

export interface JoinedEntry {
  entry: EntryWithSlot;
  position: number | null;
  token: string;
}

/**
 * Puts a devotee on a full slot's waiting list. Only while the slot can be booked but has no
 * room for that many persons (otherwise they are told to book); one live entry per phone per
 * slot (the unique index waitlist_one_per_phone); the same daily cap per phone as bookings.
 * The slot's row is locked, so a place freed at this moment is either offered to this entry
 * or was there to book when it asked.
 */
export async function joinWaitlist(
  deps: WaitlistDependencies,
  slotId: number,
  input: JoinWaitlist,
): Promise<JoinedEntry> {
  const now = deps.now?.() ?? new Date();
  const phone = toE164(input.phone);
  if (!phone) throw validationFailed([{ path: 'body.phone', message: 'Not a valid phone number' }]);
  try {
    return await withDeadlockRetry(() =>
      deps.db.$transaction(async (tx) => {
        await tx.$queryRaw`SELECT id FROM slot WHERE id = ${slotId} FOR UPDATE`;
        const slot = await tx.slot.findUnique({ where: { id: slotId }, include: { seva: true } });
        if (!slot) throw notFound(`There is no slot ${slotId}.`);
        const { seva } = slot;
        if (!seva.active || slot.status !== 'open') {
          throw conflict('slot_not_bookable', 'Slot not bookable', 'This slot is not open.');
        }
        refuseOutsideBookingWindow(
          slot.startsAt,
          seva,
          deps.timeZone,
          now,
          'Booking for this slot has closed, and so has its waiting list.',
        );
        refuseTooManyPersons(seva, input.persons);
        const left = slot.capacity - slot.booked;
        if (input.persons <= left) {
          throw conflict(
            'places_available',
            'Places available',
            `${left} ${left === 1 ? 'place is' : 'places are'} free in this slot: book it instead of waiting.`,
          );
        }
        const holding = await tx.booking.count({
          where: { slotId, phone, status: { in: [...LIVE_BOOKING] } },
        });
        if (holding > 0) {
          throw conflict(
            'duplicate_booking',
            'Already booked',
            'This phone number already has a booking for this slot.',
          );
        }
        await assertUnderDailyCap(deps, tx, phone, seva.id, slot.startsAt);
        const created = await tx.waitlistEntry.create({
          data: {
            slotId,
            devoteeName: input.devoteeName,
            phone,
            email: input.email ?? null,
            persons: input.persons,
            language: input.language,
            // Replaced below: the token is derived from the id, known only now.
            tokenHash: ManageTokens.hash(`pending/${phone}/${now.getTime()}`),
          },
        });
        const token = waitlistTokenFor(deps.tokens, created.id);
        const entry = await tx.waitlistEntry.update({
          where: { id: created.id },
          data: { tokenHash: ManageTokens.hash(token) },
          include: entryInclude,
        });
        return { entry, position: await positionOf(tx, entry), token };
      }, WAITLIST_TRANSACTION),
    );
  } catch (error) {
    if (isUniqueViolation(error, 'waitlist_one_per_phone')) {
      throw conflict(
        'already_waiting',
        'Already waiting',
        'This phone number is already on the waiting list of this slot.',
      );
    }
    throw error;
  }
}

/** A phone's bookings and live entries of one seva on one temple day, against the daily cap. */
async function assertUnderDailyCap(
  deps: WaitlistDependencies,
  tx: Tx,
  phone: string,
  sevaId: number,
  startsAt: Date,
): Promise<void> {
  const max = deps.bookingsPerPhonePerSevaPerDay;
  if (max === undefined) return;
  const date = templeDateOf(startsAt, deps.timeZone);
  const day = {
    sevaId,
    startsAt: {
      gte: startOfTempleDay(date, deps.timeZone),
      lt: startOfTempleDay(addDaysToDate(date, 1), deps.timeZone),
    },
  };
  const bookings = await tx.booking.count({ where: { phone, status: 'confirmed', slot: day } });
  const entries = await tx.waitlistEntry.count({ where: { phone, status: 'waiting', slot: day } });
  if (bookings + entries >= max) {
    throw conflict(
      'booking_limit_reached',
      'Booking limit reached',
      `This phone number already has ${max} bookings or waiting places for this seva on that day, the most one number may hold.`,
    );
  }
}
