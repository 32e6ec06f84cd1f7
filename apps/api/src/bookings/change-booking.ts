import { toE164, type UpdateBooking } from '@sevabook/shared';
import type { Tx } from '../db/client.ts';
import { withDeadlockRetry } from '../db/db-errors.ts';
import { conflict, notFound, unprocessable, validationFailed } from '../errors.ts';
import { auditView, recordAudit, type Actor } from '../audit/audit-log.ts';
import { enqueueNotification, scheduleReminder } from '../notifications/outbox.ts';
import type { SlotWithSeva } from '../slots/slot-dto.ts';
import { TRANSACTION_OPTIONS, type BookingDependencies } from './booking-dependencies.ts';
import { bookingInclude, type BookingWithSlot } from './booking-dto.ts';
import { duplicatePhoneRefusal, releasePlaces, takePlaces } from './places.ts';

/**
 * Staff edit a booking's details or move it to another slot. Everything happens in one Prisma
 * transaction with the booking row locked: the old slot's places are released and the new
 * slot's taken with a conditional UPDATE (places.ts), so a move into a full slot fails with
 * slot_full and leaves the booking, both slots and the outbox as they were.
 */
export async function updateBooking(
  deps: BookingDependencies,
  bookingId: number,
  changes: UpdateBooking,
  actor: Actor,
): Promise<BookingWithSlot> {
  const now = deps.now?.() ?? new Date();
  const phone = changes.phone === undefined ? undefined : toE164(changes.phone);
  if (phone === null)
    throw validationFailed([{ path: 'body.phone', message: 'Not a valid phone number' }]);

  try {
    return await withDeadlockRetry(() =>
      deps.database.prisma.$transaction(
        (tx) => changeLockedBooking(tx, bookingId, { ...changes, phone }, actor, now),
        TRANSACTION_OPTIONS,
      ),
    );
  } catch (error) {
    throw duplicatePhoneRefusal(error, 'that') ?? error;
  }
}

/** The change inside its transaction: lock, check, move the places, write, tell, audit. */
async function changeLockedBooking(
  tx: Tx,
  bookingId: number,
  changes: UpdateBooking,
  actor: Actor,
  now: Date,
): Promise<BookingWithSlot> {
  const before = await lockBooking(tx, bookingId);
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
  const after = await tx.booking.update({
    where: { id: bookingId },
    data: changedFields(before, target, changes, persons),
    include: bookingInclude,
  });

  // The devotee hears about what changes their visit: the slot or the number of places.
  if (moving || persons !== before.persons)
    await enqueueNotification(tx, { bookingId, kind: 'change', eventSeq: after.version });
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
}

/** The booking, its row locked so a concurrent cancel or move waits; a cancelled one refused. */
async function lockBooking(tx: Tx, bookingId: number): Promise<BookingWithSlot> {
  const locked = await tx.$queryRaw<{ id: number }[]>`
    SELECT id FROM booking WHERE id = ${bookingId} FOR UPDATE`;
  if (locked.length === 0) throw notFound(`There is no booking ${bookingId}.`);
  const booking = await tx.booking.findUniqueOrThrow({
    where: { id: bookingId },
    include: bookingInclude,
  });
  if (booking.status === 'cancelled') {
    throw conflict(
      'already_cancelled',
      'Booking cancelled',
      'A cancelled booking cannot be changed.',
    );
  }
  return booking;
}

/** The booking's new fields: those changed, and only the sankalpa details its seva asks for. */
function changedFields(
  before: BookingWithSlot,
  target: SlotWithSeva,
  changes: UpdateBooking,
  persons: number,
) {
  const { seva } = target;
  const keep = <T>(asked: boolean, value: T | null | undefined, current: T | null) =>
    asked ? (value === undefined ? current : value) : null;
  return {
    slotId: target.id,
    persons,
    ...(changes.devoteeName !== undefined ? { devoteeName: changes.devoteeName } : {}),
    ...(changes.phone !== undefined ? { phone: changes.phone } : {}),
    ...(changes.email !== undefined ? { email: changes.email } : {}),
    ...(changes.language !== undefined ? { language: changes.language } : {}),
    // Only the sankalpa details the (new) seva asks for are kept, as at booking time.
    gotra: keep(seva.asksGotra, changes.gotra, before.gotra),
    nakshatra: keep(seva.asksNakshatra, changes.nakshatra, before.nakshatra),
    rashi: keep(seva.asksRashi, changes.rashi, before.rashi),
    version: before.version + 1,
  };
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
