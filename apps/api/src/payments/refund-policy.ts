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
  const refund = await queueRefund(tx, { paymentId: payment.id, reason: 'cancelled', actor, now });
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
