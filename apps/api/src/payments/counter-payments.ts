import type { CounterPaymentMethod } from '@sevabook/shared';
import { recordAudit, type Actor } from '../audit/audit-log.ts';
import { TRANSACTION_OPTIONS } from '../bookings/booking-dependencies.ts';
import type { Db, Tx } from '../db/client.ts';
import { isUniqueViolation } from '../db/db-errors.ts';
import { conflict, notFound } from '../errors.ts';
import type { BookingStatus, Payment, Receipt } from '../generated/prisma/client.ts';
import { enqueueNotification, scheduleReminder } from '../notifications/outbox.ts';
import { issueReceipt } from './receipts.ts';

/**
 * Money taken at the temple counter: cash, UPI to the temple's own QR, or card on its terminal.
 * One transaction records the payment, numbers its receipt (gapless: receipts.ts) and writes the
 * audit entry; a booking still holding its places for an online payment is confirmed by it,
 * with its confirmation message, as if the devotee had paid online.
 */

export interface CounterPaymentRequest {
  bookingId: number;
  method: CounterPaymentMethod;
  /** Defaults to the fee the booking was made at. */
  amountPaise?: number | undefined;
  /** The clerk: a staff actor (an API key records no money). */
  actor: Actor;
  now: Date;
  timeZone: string;
}

export type RecordedPaymentRow = Payment & { receipt: Receipt };

export const alreadyPaid = (reference: string) =>
  conflict('already_paid', 'Already paid', `Booking ${reference} is already paid.`);

export async function recordCounterPayment(
  db: Db,
  request: CounterPaymentRequest,
): Promise<{ payment: RecordedPaymentRow; bookingStatus: BookingStatus; reference: string }> {
  try {
    return await db.$transaction((tx) => recordCounterPaymentIn(tx, request), TRANSACTION_OPTIONS);
  } catch (error) {
    // Two clerks pressing Paid at once: the second waits for the booking's row lock and then
    // finds the first payment; should anything get past that, the unique index still refuses
    // a second kept payment, and nothing of the second is left (its receipt number included).
    if (isUniqueViolation(error, 'payment_one_kept_per_booking')) {
      const booking = await db.booking.findUnique({ where: { id: request.bookingId } });
      throw alreadyPaid(booking?.reference ?? String(request.bookingId));
    }
    throw error;
  }
}

/** The same, in the caller's transaction. */
export async function recordCounterPaymentIn(
  tx: Tx,
  request: CounterPaymentRequest,
): Promise<{ payment: RecordedPaymentRow; bookingStatus: BookingStatus; reference: string }> {
  const { bookingId, method, actor, now, timeZone } = request;
  // Lock the booking: a cancel, a hold's expiry or another clerk's payment waits for us.
  const locked = await tx.$queryRaw<
    { id: number }[]
  >`SELECT id FROM booking WHERE id = ${bookingId} FOR UPDATE`;
  if (locked.length === 0) throw notFound(`There is no booking ${bookingId}.`);
  const booking = await tx.booking.findUniqueOrThrow({
    where: { id: bookingId },
    include: { slot: true, payments: { where: { status: 'captured' }, take: 1 } },
  });
  if (booking.status !== 'confirmed' && booking.status !== 'pending_payment') {
    throw conflict(
      'booking_not_payable',
      'Booking not payable',
      `Booking ${booking.reference} is ${booking.status.replace('_', ' ')}: nothing can be paid for it.`,
    );
  }
  if (booking.feePaise === 0) {
    throw conflict(
      'nothing_to_pay',
      'Nothing to pay',
      `Booking ${booking.reference} is free: there is nothing to pay.`,
    );
  }
  if (booking.payments.length > 0) throw alreadyPaid(booking.reference);

  const amountPaise = request.amountPaise ?? booking.feePaise;
  const payment = await tx.payment.create({
    data: {
      bookingId,
      method,
      amountPaise,
      recordedByStaffId: actor.type === 'staff' ? (actor.id ?? null) : null,
      paidAt: now,
    },
  });
  const receipt = await issueReceipt(tx, payment.id, now, timeZone);

  let bookingStatus: BookingStatus = booking.status;
  if (booking.status === 'pending_payment') {
    // Paid at the counter while its places were held for an online payment: it is confirmed
    // now, and the devotee is told as after an online payment. The hold has not been released
    // (the row lock above orders us with the worker that expires holds), so the places are
    // still counted in slot.booked and nothing is taken again.
    const version = booking.version + 1;
    await tx.booking.update({
      where: { id: bookingId },
      data: { status: 'confirmed', holdExpiresAt: null, version },
    });
    await enqueueNotification(tx, { bookingId, kind: 'confirmation', eventSeq: version });
    await scheduleReminder(tx, bookingId, booking.slot.startsAt, now);
    bookingStatus = 'confirmed';
  }
  await recordAudit(tx, {
    entityType: 'booking',
    entityId: bookingId,
    bookingId,
    action: 'payment.recorded',
    actor,
    after: {
      paymentId: payment.id,
      method,
      amountPaise,
      receipt: { financialYear: receipt.financialYear, number: receipt.number },
      ...(booking.status === 'pending_payment' ? { status: 'confirmed' } : {}),
    },
  });
  return {
    payment: { ...payment, receipt },
    bookingStatus,
    reference: booking.reference,
  };
}
