import { toE164, type UpdateBooking } from '@sevabook/shared';
import type { Tx } from '../../db/client.ts';
import { isUniqueViolation } from '../../db/db-errors.ts';
import { conflict, notFound, unprocessable, validationFailed } from '../../errors.ts';
import { recordAudit, type Actor } from '../../audit/audit-log.ts';
import { bookingInclude, type BookingWithSlot } from '../../bookings/booking-dto.ts';
import {
  auditView,
  takePlaces,
  releasePlaces,
  type BookingContext,
} from '../../bookings/booking-service.ts';
import { enqueueNotification, scheduleReminder } from '../../notifications/outbox.ts';
import { withDeadlockRetry } from '../deadlock-retry.ts';

/**
 * Staff edit a booking's details or move it to another slot. Everything happens in one
 * transaction with the booking row locked: the old slot's places are released and the new
 * slot's taken with the same conditional UPDATE the booking service uses, so a move into a full
 * slot fails with slot_full and leaves the booking, both slots and the outbox as they were.
 */
export async function updateBooking(
  ctx: BookingContext,
  bookingId: number,
  changes: UpdateBooking,
  actor: Actor,
): Promise<BookingWithSlot> {
  const now = ctx.now?.() ?? new Date();
  const phone = changes.phone === undefined ? undefined : toE164(changes.phone);
  if (phone === null)
    throw validationFailed([{ path: 'body.phone', message: 'Not a valid phone number' }]);

  try {
    return await withDeadlockRetry(() =>
      ctx.database.prisma.$transaction(
        async (tx) => {
          const locked = await tx.$queryRaw<{ id: number }[]>`
            SELECT id FROM booking WHERE id = ${bookingId} FOR UPDATE`;
          if (locked.length === 0) throw notFound(`There is no booking ${bookingId}.`);
          const before = await tx.booking.findUniqueOrThrow({
            where: { id: bookingId },
            include: bookingInclude,
          });
          if (before.status === 'cancelled') {
            throw conflict(
              'already_cancelled',
              'Booking cancelled',
              'A cancelled booking cannot be changed.',
            );
          }

          const targetSlotId = changes.slotId ?? before.slotId;
          const persons = changes.persons ?? before.persons;
          const moving = targetSlotId !== before.slotId;
          const target = moving
            ? await tx.slot.findUnique({ where: { id: targetSlotId }, include: { seva: true } })
            : before.slot;
          if (!target) throw notFound(`There is no slot ${targetSlotId}.`);
          if (persons > target.seva.maxPersonsPerBooking) {
            throw unprocessable(
              'persons_exceed_limit',
              'Too many persons',
              `One booking of ${target.seva.nameEn} may cover at most ${target.seva.maxPersonsPerBooking} persons.`,
            );
          }
          await shiftPlaces(tx, {
            from: before.slotId,
            to: targetSlotId,
            oldPersons: before.persons,
            persons,
          });

          const seva = target.seva;
          const keep = <T>(asked: boolean, value: T | null | undefined, current: T | null) =>
            asked ? (value === undefined ? current : value) : null;
          const placesChanged = moving || persons !== before.persons;
          const version = before.version + 1;
          const after = await tx.booking.update({
            where: { id: bookingId },
            data: {
              slotId: targetSlotId,
              persons,
              ...(changes.devoteeName !== undefined ? { devoteeName: changes.devoteeName } : {}),
              ...(phone !== undefined ? { phone } : {}),
              ...(changes.email !== undefined ? { email: changes.email } : {}),
              ...(changes.language !== undefined ? { language: changes.language } : {}),
              // Only the sankalpa details the (new) seva asks for are kept, as at booking time.
              gotra: keep(seva.asksGotra, changes.gotra, before.gotra),
              nakshatra: keep(seva.asksNakshatra, changes.nakshatra, before.nakshatra),
              rashi: keep(seva.asksRashi, changes.rashi, before.rashi),
              version,
            },
            include: bookingInclude,
          });

          // The devotee hears about what changes their visit: the slot or the number of places.
          if (placesChanged)
            await enqueueNotification(tx, { bookingId, kind: 'change', eventSeq: version });
          if (moving) await scheduleReminder(tx, bookingId, target.startsAt, now);
          await recordAudit(tx, {
            entityType: 'booking',
            entityId: bookingId,
            bookingId,
            action: moving ? 'booking.moved' : 'booking.updated',
            actor,
            before: auditView(before),
            after: auditView(after),
          });
          return after;
        },
        { isolationLevel: 'ReadCommitted', maxWait: 15_000, timeout: 15_000 },
      ),
    );
  } catch (error) {
    if (isUniqueViolation(error, 'booking_one_confirmed_per_phone')) {
      throw conflict(
        'duplicate_booking',
        'Already booked',
        'This phone number already has a confirmed booking for that slot.',
      );
    }
    throw error;
  }
}

/**
 * Moves `oldPersons` places off one slot and `persons` onto another (or the same) slot. Two
 * slot rows are locked in ascending id order, so two moves in opposite directions cannot
 * deadlock each other.
 */
async function shiftPlaces(
  tx: Tx,
  move: { from: number; to: number; oldPersons: number; persons: number },
): Promise<void> {
  if (move.from === move.to) {
    const delta = move.persons - move.oldPersons;
    if (delta > 0) await takePlaces(tx, move.to, delta);
    if (delta < 0) await releasePlaces(tx, move.from, -delta);
    return;
  }
  if (move.from < move.to) {
    await releasePlaces(tx, move.from, move.oldPersons);
    await takePlaces(tx, move.to, move.persons);
  } else {
    await takePlaces(tx, move.to, move.persons);
    await releasePlaces(tx, move.from, move.oldPersons);
  }
}
