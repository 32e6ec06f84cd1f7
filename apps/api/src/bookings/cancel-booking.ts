import type { Tx } from '../db/client.ts';
import { notFound, unprocessable } from '../errors.ts';
import { auditView, recordAudit, type Actor } from '../audit/audit-log.ts';
import { cancelReminder, enqueueNotification } from '../notifications/outbox.ts';
import { refundOnCancel } from '../payments/refund-policy.ts';
import { bookingWindow } from '../slots/booking-window.ts';
import { TRANSACTION_OPTIONS, type BookingDependencies } from './booking-dependencies.ts';
import { bookingInclude, type BookingWithSlot } from './booking-dto.ts';
import { releasePlaces } from './places.ts';

export interface CancelRequest {
  actor: Actor;
  reason?: string | undefined;
  /** Devotees may cancel only until the seva's cut-off; staff at any time. */
  enforceCutOff: boolean;
  /**
   * How long the cancellation message waits, so that staff can undo the cancellation before
   * the devotee hears of it (restore-booking.ts); none: it is due at once.
   */
  holdMessageMs?: number | undefined;
  /**
   * Staff only: true refunds a kept payment in full even after the seva's refund deadline,
   * false keeps it even before; left out, the seva's policy decides (payments/refund-policy.ts).
   */
  refund?: boolean | undefined;
}

/**
 * Cancels a booking and frees its places in one Prisma transaction, with its cancellation
 * message and audit entry. Cancelling twice is harmless.
 */
export async function cancelBooking(
  deps: BookingDependencies,
  bookingId: number,
  request: CancelRequest,
): Promise<BookingWithSlot> {
  const now = deps.now?.() ?? new Date();
  return deps.database.prisma.$transaction(async (tx) => {
    // Lock the booking row so a concurrent cancel or move waits for us.
    const locked = await tx.$queryRaw<
      { id: number }[]
    >`SELECT id FROM booking WHERE id = ${bookingId} FOR UPDATE`;
    if (locked.length === 0) throw notFound(`There is no booking ${bookingId}.`);
    const booking = await tx.booking.findUniqueOrThrow({
      where: { id: bookingId },
      include: bookingInclude,
    });
    // Cancelled already, or expired (its hold ran out and its places went back on sale).
    if (booking.status === 'cancelled' || booking.status === 'expired') return booking;
    if (
      request.enforceCutOff &&
      now > bookingWindow(booking.slot.startsAt, booking.slot.seva, deps.timeZone).closesAt
    ) {
      throw unprocessable(
        'cancellation_closed',
        'Too late to cancel online',
        'The time to cancel this booking online has passed. Please contact the temple office.',
      );
    }
    // The notifier's clock, not the rules' (`now` may be a test's).
    const messageDueAt = request.holdMessageMs
      ? new Date(Date.now() + request.holdMessageMs)
      : undefined;
    return cancelLockedBooking(tx, booking, request.actor, request.reason ?? null, now, {
      messageDueAt,
      refund: request.refund,
      // The clerk who cancels at the counter hands the cash back there and then; a devotee
      // who cancels through their link collects it at the counter later.
      cashPaidOutNow: request.actor.type === 'staff',
    });
  }, TRANSACTION_OPTIONS);
}

export interface CancelLockedOptions {
  messageDueAt?: Date | undefined;
  /** Overrides the seva's refund policy: true refunds in full, false keeps the fee. */
  refund?: boolean | undefined;
  /** A counter payment's refund is handed over in cash now (else it is due at the counter). */
  cashPaidOutNow?: boolean | undefined;
}

/**
 * The cancellation itself, inside the caller's transaction, for a confirmed (or held) booking
 * whose row the caller has locked: status, places freed, the refund its payment is owed, one
 * cancellation message (which tells the refund), no reminder, audit. Closing a slot or a date
 * cancels its bookings through this too.
 */
export async function cancelLockedBooking(
  tx: Tx,
  booking: BookingWithSlot,
  actor: Actor,
  reason: string | null,
  now: Date,
  { messageDueAt, refund, cashPaidOutNow = false }: CancelLockedOptions = {},
): Promise<BookingWithSlot> {
  const version = booking.version + 1;
  // NOTE: the slot's row is locked for writing before the booking changes. Changing the
  // booking's status rewrites its entry in booking_one_confirmed_per_phone, the index the slot
  // foreign key uses, and InnoDB then takes a shared lock on the slot row; two cancellations of
  // one slot would each hold that shared lock and wait for the other to upgrade it (deadlock).
  await tx.$queryRaw`SELECT id FROM slot WHERE id = ${booking.slotId} FOR UPDATE`;
  // First, so that the booking read back below carries its refund, and the message (rendered
  // later by the notifier from the same rows) tells it. A held booking never paid, or a free
  // one, has nothing to refund.
  await refundOnCancel(tx, booking.id, {
    actor,
    now,
    startsAt: booking.slot.startsAt,
    refundFullHoursBefore: booking.slot.seva.refundFullHoursBefore,
    override: refund,
    cashPaidOutNow,
    // Sent to Razorpay only once the cancellation can no longer be undone, with its message.
    sendAfter: messageDueAt,
  });
  const cancelled = await tx.booking.update({
    where: { id: booking.id },
    data: {
      status: 'cancelled',
      cancelledAt: now,
      cancelledBy: actor.type,
      cancelReason: reason,
      version,
    },
    include: bookingInclude,
  });
  await releasePlaces(tx, booking.slotId, booking.persons);
  await enqueueNotification(tx, {
    bookingId: booking.id,
    kind: 'cancellation',
    eventSeq: version,
    dueAt: messageDueAt,
  });
  await cancelReminder(tx, booking.id);
  await recordAudit(tx, {
    entityType: 'booking',
    entityId: booking.id,
    bookingId: booking.id,
    action: 'booking.cancelled',
    actor,
    before: auditView(booking),
    after: { ...auditView(cancelled), reason },
  });
  return cancelled;
}
