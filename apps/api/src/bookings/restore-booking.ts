import type { Tx } from '../db/client.ts';
import { withDeadlockRetry } from '../db/db-errors.ts';
import { conflict, notFound } from '../errors.ts';
import { auditView, recordAudit, type Actor } from '../audit/audit-log.ts';
import { enqueueNotification, scheduleReminder } from '../notifications/outbox.ts';
import { withdrawCancellationRefund } from '../payments/refund-policy.ts';
import { isAnonymisedPhone } from '../privacy/anonymise.ts';
import { TRANSACTION_OPTIONS, type BookingDependencies } from './booking-dependencies.ts';
import { bookingInclude, type BookingWithSlot } from './booking-dto.ts';
import { duplicatePhoneRefusal, takePlaces } from './places.ts';

export interface RestoredBooking {
  booking: BookingWithSlot;
  /** The cancellation message had not gone out and now never will. */
  cancellationWithdrawn: boolean;
}

/**
 * Staff undo a cancellation: the same booking (reference, manage link, persons, slot) is
 * confirmed again, in one Prisma transaction with its row locked.
 *
 * The places are taken back through the same conditional UPDATE as a move (places.ts), so the
 * slot's CHECK holds and a slot filled meanwhile refuses with slot_full; the unique index on
 * (slot, phone, confirmed) refuses with duplicate_booking when the devotee booked the slot
 * again meanwhile. Either refusal rolls everything back.
 *
 * What the devotee hears: a staff cancellation's message waits out the time to undo it
 * (`cancellationUndoMs`, cancel-booking.ts). If it is still waiting, it is withdrawn (status
 * `cancelled`, never sent) and the devotee hears nothing at all. If the notifier has taken it
 * (sending, sent, or failed after Twilio may have had it), the devotee may have read that the
 * booking is cancelled, so a change message, with the booking's details, tells them it stands.
 * Each message row names the booking version it tells about, so a later real cancellation
 * writes a row of its own and is sent.
 */
export async function restoreBooking(
  deps: BookingDependencies,
  bookingId: number,
  actor: Actor,
): Promise<RestoredBooking> {
  const now = deps.now?.() ?? new Date();
  try {
    return await withDeadlockRetry(() =>
      deps.database.prisma.$transaction(
        (tx) => restoreLockedBooking(tx, bookingId, actor, now),
        TRANSACTION_OPTIONS,
      ),
    );
  } catch (error) {
    throw duplicatePhoneRefusal(error, 'this') ?? error;
  }
}

async function restoreLockedBooking(
  tx: Tx,
  bookingId: number,
  actor: Actor,
  now: Date,
): Promise<RestoredBooking> {
  const locked = await tx.$queryRaw<{ id: number }[]>`
    SELECT id FROM booking WHERE id = ${bookingId} FOR UPDATE`;
  if (locked.length === 0) throw notFound(`There is no booking ${bookingId}.`);
  const before = await tx.booking.findUniqueOrThrow({
    where: { id: bookingId },
    include: bookingInclude,
  });
  // Restoring twice is harmless, as cancelling twice is.
  if (before.status === 'confirmed') return { booking: before, cancellationWithdrawn: false };
  if (isAnonymisedPhone(before.phone)) {
    throw conflict(
      'not_restorable',
      'Booking erased',
      'This booking’s personal details have been erased, so it cannot be confirmed again.',
    );
  }

  await withdrawCancellationRefund(tx, bookingId);
  await takePlaces(tx, before.slotId, before.persons);
  const version = before.version + 1;
  const after = await tx.booking.update({
    where: { id: bookingId },
    data: {
      status: 'confirmed',
      cancelledAt: null,
      cancelledBy: null,
      cancelReason: null,
      version,
    },
    include: bookingInclude,
  });

  const cancellationWithdrawn = await withdrawCancellationMessage(tx, bookingId);
  if (!cancellationWithdrawn)
    await enqueueNotification(tx, { bookingId, kind: 'change', eventSeq: version });
  await scheduleReminder(tx, bookingId, after.slot.startsAt, now);
  await recordAudit(tx, {
    entityType: 'booking',
    entityId: bookingId,
    bookingId,
    action: 'booking.restored',
    actor,
    before: auditView(before),
    after: { ...auditView(after), cancellationWithdrawn },
  });
  return { booking: after, cancellationWithdrawn };
}

/**
 * Withdraws the booking's cancellation message if no notifier has taken it yet. The notifier
 * claims rows `pending` → `sending` under a row lock, so this conditional UPDATE and a claim
 * cannot both succeed: either the message is withdrawn here or it is (being) sent.
 */
async function withdrawCancellationMessage(tx: Tx, bookingId: number): Promise<boolean> {
  const { count } = await tx.notification.updateMany({
    where: { bookingId, kind: 'cancellation', status: 'pending' },
    data: { status: 'cancelled', lastError: 'Not sent: staff undid the cancellation.' },
  });
  return count > 0;
}
