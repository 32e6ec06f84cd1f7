import { recordAudit, type Actor } from '../audit/audit-log.ts';
import type { Tx } from '../db/client.ts';
import { conflict, notFound } from '../errors.ts';
import type { Refund } from '../generated/prisma/client.ts';
import { queueRefund } from './refunds.ts';

/**
 * A seva's refund policy: the whole fee back when the booking is cancelled at least
 * `refundFullHoursBefore` hours before the seva starts, nothing after. Exactly N hours before
 * still counts as in time.
 */
export function fullRefundDue(startsAt: Date, refundFullHoursBefore: number, at: Date): boolean {
  return startsAt.getTime() - at.getTime() >= refundFullHoursBefore * 3_600_000;
}

export interface RefundOnCancel {
  actor: Actor;
  now: Date;
  startsAt: Date;
  refundFullHoursBefore: number;
  /** Staff may refund after the deadline (true) or keep the fee before it (false). */
  override?: boolean | undefined;
  /** A counter payment's refund is handed back in cash now by the acting clerk. */
  cashPaidOutNow: boolean;
  /** An online refund waits until then, while staff can still undo the cancellation. */
  sendAfter?: Date | undefined;
}

/**
 * The money of a booking being cancelled, in the cancelling transaction: nothing when nothing
 * was paid (a free booking, or a held one never paid: its places are simply released); else
 * the policy (or the staff's override) decides. A refund of an online payment goes back
 * through Razorpay (queued for the refund sender). Money taken at the counter is paid back in
 * cash: handed over at once by the clerk who cancels, or due at the counter when the devotee
 * cancelled through their link. Returns the refund, or null when none is made.
 */
export async function refundOnCancel(
  tx: Tx,
  bookingId: number,
  request: RefundOnCancel,
): Promise<Refund | null> {
  const { actor, now } = request;
  const payment = await tx.payment.findFirst({ where: { bookingId, status: 'captured' } });
  if (!payment) return null;
  const refundDue =
    request.override ?? fullRefundDue(request.startsAt, request.refundFullHoursBefore, now);
  if (!refundDue) {
    await recordAudit(tx, {
      entityType: 'booking',
      entityId: bookingId,
      bookingId,
      action: 'refund.not_due',
      actor,
      after: {
        paymentId: payment.id,
        amountPaise: payment.amountPaise,
        policyHours: request.refundFullHoursBefore,
        overridden: request.override !== undefined,
      },
    });
    return null;
  }
  const refund = await queueRefund(tx, {
    paymentId: payment.id,
    reason: 'cancelled',
    actor,
    now,
    dueAt: request.sendAfter,
  });
  if (refund.status === 'due_at_counter' && request.cashPaidOutNow && actor.type === 'staff') {
    return payOutCashRefund(tx, refund.id, actor, now);
  }
  return refund;
}

/**
 * A clerk hands a cash refund to the devotee: due_at_counter → processed, the payment
 * refunded. Conditional on the status, so two clerks cannot both pay it out.
 */
export async function payOutCashRefund(
  tx: Tx,
  refundId: number,
  actor: Actor,
  now: Date,
): Promise<Refund> {
  const changed = await tx.refund.updateMany({
    where: { id: refundId, status: 'due_at_counter' },
    data: {
      status: 'processed',
      processedAt: now,
      recordedByStaffId: actor.type === 'staff' ? (actor.id ?? null) : null,
    },
  });
  const refund = await tx.refund.findUnique({
    where: { id: refundId },
    include: { payment: true },
  });
  if (!refund) throw notFound(`There is no refund ${refundId}.`);
  if (changed.count === 0) {
    throw conflict(
      'refund_not_due',
      'Refund not due at the counter',
      `Refund ${refundId} is ${refund.status.replace(/_/g, ' ')}: it is not waiting to be paid out.`,
    );
  }
  await tx.payment.update({ where: { id: refund.paymentId }, data: { status: 'refunded' } });
  await recordAudit(tx, {
    entityType: 'booking',
    entityId: refund.payment.bookingId,
    bookingId: refund.payment.bookingId,
    action: 'refund.paid_out',
    actor,
    after: { refundId, paymentId: refund.paymentId, amountPaise: refund.amountPaise },
  });
  const { payment: _payment, ...row } = refund;
  return row;
}

/** A Razorpay refund that failed goes back to the refund sender: failed → pending. */
export async function retryFailedRefund(
  tx: Tx,
  refundId: number,
  actor: Actor,
  now: Date,
): Promise<Refund> {
  const changed = await tx.refund.updateMany({
    where: { id: refundId, status: 'failed', method: 'razorpay' },
    // Razorpay's failed refund is final: the sender makes a new one.
    data: { status: 'pending', dueAt: now, leaseUntil: null, razorpayRefundId: null },
  });
  const refund = await tx.refund.findUnique({
    where: { id: refundId },
    include: { payment: true },
  });
  if (!refund) throw notFound(`There is no refund ${refundId}.`);
  if (changed.count === 0) {
    throw conflict(
      'refund_not_failed',
      'Refund has not failed',
      `Refund ${refundId} is ${refund.status.replace(/_/g, ' ')}: only a failed online refund can be tried again.`,
    );
  }
  await recordAudit(tx, {
    entityType: 'booking',
    entityId: refund.payment.bookingId,
    bookingId: refund.payment.bookingId,
    action: 'refund.retried',
    actor,
    after: { refundId, lastError: refund.lastError },
  });
  const { payment: _payment, ...row } = refund;
  return row;
}

/**
 * When staff undo a cancellation (bookings/restore-booking.ts), the refund it asked for goes
 * too, and the payment is kept again. Refused (409 refund_under_way) once an online refund has
 * been taken up by the refund sender: from then on the money may already be on its way back.
 * A cash refund the clerk recorded a moment ago is withdrawn: the undo means the cash stayed.
 */
export async function withdrawCancellationRefund(tx: Tx, bookingId: number): Promise<void> {
  const payment = await tx.payment.findFirst({
    where: { bookingId, status: { not: 'captured' }, refund: { reason: 'cancelled' } },
    include: { refund: true },
    orderBy: { id: 'desc' },
  });
  if (!payment?.refund) return;
  // Conditional: the sender claims a row under its lock and sets its lease, so either this
  // deletes the row before any claim, or it deletes nothing.
  const withdrawn = await tx.$executeRaw`
    DELETE FROM refund WHERE id = ${payment.refund.id} AND (method = 'cash'
      OR (status = 'pending' AND attempts = 0 AND lease_until IS NULL))`;
  if (withdrawn !== 1) {
    throw conflict(
      'refund_under_way',
      'Refund already sent',
      'The refund of this booking has already gone to Razorpay, so the cancellation cannot be undone. Please make a new booking instead.',
    );
  }
  await tx.payment.update({ where: { id: payment.id }, data: { status: 'captured' } });
}
