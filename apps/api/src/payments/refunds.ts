import { recordAudit, type Actor } from '../audit/audit-log.ts';
import type { Tx } from '../db/client.ts';
import type { Refund } from '../generated/prisma/client.ts';

/**
 * Refunds are always of a whole payment, one at most per payment (refund_payment_id_key).
 * An online payment is refunded through Razorpay by the refund sender (refund-sender.ts); money
 * taken at the counter is paid back in cash by a clerk, who marks it paid out.
 */

/**
 * Why a payment is refunded; kept in refund.reason. `amount_mismatch`: Razorpay took a sum
 * other than the booking's fee, which Sevabook never asked for.
 */
export type RefundReason = 'cancelled' | 'late_payment' | 'duplicate_payment' | 'amount_mismatch';

export interface RefundRequest {
  paymentId: number;
  reason: RefundReason;
  actor: Actor;
  now: Date;
  /**
   * When an online refund may be sent: later than now while staff can still undo the
   * cancellation that asked for it (restore-booking.ts withdraws it then). Default: now.
   */
  dueAt?: Date | undefined;
}

/**
 * Queues the full refund of a payment, in the caller's transaction: the payment becomes
 * `refund_due` (no longer the booking's kept payment) and a refund row is made, `pending` for
 * the sender when the money came through Razorpay, `due_at_counter` when it came in cash, UPI
 * or card at the counter. Queuing the same payment twice returns the refund already queued.
 */
export async function queueRefund(tx: Tx, request: RefundRequest): Promise<Refund> {
  const { paymentId, reason, actor, now, dueAt = now } = request;
  const existing = await tx.refund.findUnique({ where: { paymentId } });
  if (existing) return existing;
  const payment = await tx.payment.update({
    where: { id: paymentId },
    data: { status: 'refund_due' },
  });
  const online = payment.method === 'online';
  const refund = await tx.refund.create({
    data: {
      paymentId,
      amountPaise: payment.amountPaise,
      method: online ? 'razorpay' : 'cash',
      status: online ? 'pending' : 'due_at_counter',
      reason,
      dueAt,
      recordedByStaffId: actor.type === 'staff' ? (actor.id ?? null) : null,
    },
  });
  await recordAudit(tx, {
    entityType: 'booking',
    entityId: payment.bookingId,
    bookingId: payment.bookingId,
    action: 'refund.queued',
    actor,
    after: { paymentId, refundId: refund.id, amountPaise: refund.amountPaise, reason },
  });
  return refund;
}

/** Razorpay says the refund reached the devotee (refund.processed): the payment is refunded. */
export async function markRefundProcessed(
  tx: Tx,
  razorpayRefundId: string,
  at: Date,
): Promise<Refund | null> {
  const refund = await tx.refund.findUnique({ where: { razorpayRefundId } });
  if (!refund || refund.status === 'processed') return refund;
  await tx.payment.update({ where: { id: refund.paymentId }, data: { status: 'refunded' } });
  return tx.refund.update({
    where: { id: refund.id },
    data: { status: 'processed', processedAt: at, leaseUntil: null, lastError: null },
  });
}

/** Razorpay gave up on the refund (refund.failed): staff see it among the failed refunds. */
export async function markRefundFailed(
  tx: Tx,
  razorpayRefundId: string,
  reason: string,
): Promise<Refund | null> {
  const refund = await tx.refund.findUnique({ where: { razorpayRefundId } });
  // A processed refund stays processed, whatever order the events arrive in.
  if (!refund || refund.status === 'processed') return refund;
  return tx.refund.update({
    where: { id: refund.id },
    data: { status: 'failed', leaseUntil: null, lastError: reason },
  });
}
