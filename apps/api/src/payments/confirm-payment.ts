import { recordAudit, type Actor } from '../audit/audit-log.ts';
import type { Db, Tx } from '../db/client.ts';
import { isUniqueViolation } from '../db/db-errors.ts';
import { executeIn, insertOutboxRows } from '../db/event-rows.ts';
import { TRANSACTION_OPTIONS } from '../bookings/booking-dependencies.ts';
import { takePlaces } from '../bookings/places.ts';
import { AppError } from '../errors.ts';
import { enqueueNotification, newBookingEvents } from '../notifications/outbox.ts';
import { issueReceipt } from './receipts.ts';
import { claimEvent, type RazorpayEventRow } from './razorpay-events.ts';
import { queueRefund, type RefundReason } from './refunds.ts';

/**
 * Recording a Razorpay payment against its booking, in ONE transaction with the booking's row
 * locked (SELECT … FOR UPDATE): the checkout's verify, the webhook and the holds worker may all
 * bring the same payment at once, and they take turns here. The first records the payment,
 * numbers its receipt and confirms the booking with its confirmation message; the others find
 * the payment recorded and change nothing. The unique payment.razorpay_payment_id and
 * payment_one_kept_per_booking back this up if anything slipped past the lock.
 *
 * A payment for a booking whose hold ran out takes its places again if they are still free
 * (the same conditional UPDATE as every booking), and otherwise is refunded in full with a
 * message to the devotee. A second payment for a booking already paid is refunded.
 * docs/decisions/0018-held-places-and-receipts.md.
 */

export interface CapturedPayment {
  razorpayPaymentId: string;
  razorpayOrderId: string;
  amountPaise: number;
}

export type PaymentOutcome =
  /** The booking is confirmed and paid by this payment (now, or by an earlier call). */
  | { kind: 'confirmed'; bookingId: number; recordedNow: boolean }
  /** The payment could not be kept and is being refunded in full. */
  | {
      kind: 'refunding';
      bookingId: number;
      reason: RefundReason;
      recordedNow: boolean;
    }
  /** A webhook event already handled (its X-Razorpay-Event-Id is recorded): nothing done. */
  | { kind: 'event_already_handled' };

export interface PaymentContext {
  timeZone: string;
  actor: Actor;
  now?: Date;
  /** The webhook event bringing it: recorded in the same transaction (webhook-events.ts). */
  event?: RazorpayEventRow | undefined;
}

interface LockedBooking {
  id: number;
  status: string;
  slot_id: number;
  persons: number;
  fee_paise: number;
  version: number;
}

/** Records a captured Razorpay payment of `bookingId`; safe to call any number of times. */
export async function confirmPayment(
  db: Db,
  bookingId: number,
  payment: CapturedPayment,
  context: PaymentContext,
): Promise<PaymentOutcome> {
  try {
    return await db.$transaction(
      (tx) => recordPayment(tx, bookingId, payment, context),
      TRANSACTION_OPTIONS,
    );
  } catch (error) {
    // Recorded meanwhile by a caller the lock did not order (a different booking row): the
    // unique payment id refused the second row, and the first one stands.
    if (isUniqueViolation(error, 'razorpay_payment_id') || isUniqueViolation(error, 'PRIMARY')) {
      return db.$transaction((tx) => recordPayment(tx, bookingId, payment, context));
    }
    throw error;
  }
}

async function recordPayment(
  tx: Tx,
  bookingId: number,
  payment: CapturedPayment,
  context: PaymentContext,
): Promise<PaymentOutcome> {
  const now = context.now ?? new Date();
  if (context.event && !(await claimEvent(tx, context.event, now))) {
    return { kind: 'event_already_handled' };
  }
  const [booking] = await tx.$queryRaw<LockedBooking[]>`
    SELECT id, status, slot_id, persons, fee_paise, version FROM booking
    WHERE id = ${bookingId} FOR UPDATE`;
  if (!booking) throw new AppError(404, 'not_found', 'Not found', 'No such booking.');
  const known = await tx.payment.findUnique({
    where: { razorpayPaymentId: payment.razorpayPaymentId },
    include: { refund: true },
  });
  if (known) return outcomeOfKnown(known, bookingId);

  if (payment.amountPaise !== Number(booking.fee_paise)) {
    return refundInstead(tx, booking, payment, 'amount_mismatch', context, now);
  }
  const kept = await tx.payment.findFirst({ where: { bookingId, status: 'captured' } });
  if (kept) return refundInstead(tx, booking, payment, 'duplicate_payment', context, now);

  switch (booking.status) {
    case 'pending_payment':
    case 'offered':
    case 'confirmed':
      return confirmWith(tx, booking, payment, context, now);
    case 'expired':
      if (await placesTakenAgain(tx, booking)) {
        return confirmWith(tx, booking, payment, context, now);
      }
      return refundInstead(tx, booking, payment, 'late_payment', context, now);
    default:
      // Cancelled before the money arrived: nothing to keep it for.
      return refundInstead(tx, booking, payment, 'late_payment', context, now);
  }
}

function outcomeOfKnown(
  known: { bookingId: number; status: string; refund: { reason: string } | null },
  bookingId: number,
): PaymentOutcome {
  if (known.status === 'captured') return { kind: 'confirmed', bookingId, recordedNow: false };
  return {
    kind: 'refunding',
    bookingId,
    reason: (known.refund?.reason ?? 'late_payment') as RefundReason,
    recordedNow: false,
  };
}

/** An expired booking's places, taken again if they still fit (never beyond capacity). */
async function placesTakenAgain(tx: Tx, booking: LockedBooking): Promise<boolean> {
  try {
    await takePlaces(tx, booking.slot_id, booking.persons);
    return true;
  } catch (error) {
    if (error instanceof AppError) return false;
    throw error;
  }
}

async function insertPayment(
  tx: Tx,
  booking: LockedBooking,
  payment: CapturedPayment,
  status: 'captured' | 'refund_due',
  context: PaymentContext,
  now: Date,
) {
  const row = await tx.payment.create({
    data: {
      bookingId: booking.id,
      method: 'online',
      amountPaise: payment.amountPaise,
      status,
      razorpayPaymentId: payment.razorpayPaymentId,
      razorpayOrderId: payment.razorpayOrderId,
      paidAt: now,
    },
  });
  // Every money received has its number, even one given back: the refund refers to it.
  const receipt = await issueReceipt(tx, row.id, now, context.timeZone);
  return { row, receipt };
}

async function confirmWith(
  tx: Tx,
  booking: LockedBooking,
  payment: CapturedPayment,
  context: PaymentContext,
  now: Date,
): Promise<PaymentOutcome> {
  const { row, receipt } = await insertPayment(tx, booking, payment, 'captured', context, now);
  const wasConfirmed = booking.status === 'confirmed';
  const updated = await tx.booking.update({
    where: { id: booking.id },
    data: { status: 'confirmed', holdExpiresAt: null, version: { increment: 1 } },
    include: { slot: true },
  });
  // A booking confirmed before it was paid (at the counter) already had its messages.
  if (!wasConfirmed) {
    await executeIn(tx, insertOutboxRows(booking.id, newBookingEvents(updated.slot.startsAt, now)));
  }
  await recordAudit(tx, {
    entityType: 'booking',
    entityId: booking.id,
    bookingId: booking.id,
    action: 'booking.paid',
    actor: context.actor,
    before: { status: booking.status },
    after: {
      status: 'confirmed',
      paymentId: row.id,
      amountPaise: row.amountPaise,
      receipt: `${receipt.financialYear}/${receipt.number}`,
    },
  });
  return { kind: 'confirmed', bookingId: booking.id, recordedNow: true };
}

async function refundInstead(
  tx: Tx,
  booking: LockedBooking,
  payment: CapturedPayment,
  reason: RefundReason,
  context: PaymentContext,
  now: Date,
): Promise<PaymentOutcome> {
  const { row } = await insertPayment(tx, booking, payment, 'refund_due', context, now);
  await queueRefund(tx, { paymentId: row.id, reason, actor: context.actor, now });
  const told = await tx.notification.findFirst({
    where: { bookingId: booking.id, kind: 'late_payment_refund', eventSeq: booking.version },
  });
  if (reason === 'late_payment' && booking.status === 'expired' && !told) {
    // The devotee paid for a place that was no longer there: tell them the money comes back.
    await enqueueNotification(tx, {
      bookingId: booking.id,
      kind: 'late_payment_refund',
      eventSeq: booking.version,
    });
  }
  return { kind: 'refunding', bookingId: booking.id, reason, recordedNow: true };
}
