import type { Db } from '../db/client.ts';
import type { Refund } from '../generated/prisma/client.ts';
import { refusalDescription, type RazorpayGateway } from './razorpay-gateway.ts';

/**
 * Sends the refunds queued for Razorpay (refunds.ts, queueRefund), with the notifier's
 * discipline: due rows are claimed with SELECT … FOR UPDATE SKIP LOCKED and a lease
 * (refund.lease_until), so several workers never send one refund twice, and a worker that dies
 * mid-send leaves a row that is claimed again when its lease runs out.
 *
 * A refund whose outcome is unknown (a timeout, a dropped connection, a crash) is never simply
 * sent again: every try after the first first asks Razorpay for the payment's refunds and
 * looks for this one by notes.refund_id. A refusal is tried again with backoff; after
 * `maxAttempts` the refund is `failed`, with Razorpay's words in last_error, for staff to see.
 * Razorpay's refund.processed webhook completes it (webhook-events.ts).
 */

export interface RefundSenderSettings {
  batchSize: number;
  leaseMs: number;
  maxAttempts: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
}

interface DueRefund {
  id: number;
  attempts: number;
}

export class RefundSender {
  constructor(
    private readonly db: Db,
    private readonly gateway: RazorpayGateway,
    private readonly settings: RefundSenderSettings,
  ) {}

  /** One round: claims due refunds and sends each. Returns how many it tried. */
  async runOnce(now = new Date()): Promise<number> {
    const claimed = await this.claim(now);
    for (const refund of claimed) await this.send(refund);
    return claimed.length;
  }

  private async claim(now: Date): Promise<DueRefund[]> {
    return this.db.$transaction(async (tx) => {
      const due = await tx.$queryRaw<DueRefund[]>`
        SELECT id, attempts FROM refund
        WHERE status = 'pending' AND method = 'razorpay' AND due_at <= ${now}
          AND (lease_until IS NULL OR lease_until <= ${now})
        ORDER BY due_at LIMIT ${this.settings.batchSize}
        FOR UPDATE SKIP LOCKED`;
      if (due.length === 0) return [];
      await tx.refund.updateMany({
        where: { id: { in: due.map((r) => r.id) } },
        data: {
          leaseUntil: new Date(now.getTime() + this.settings.leaseMs),
          attempts: { increment: 1 },
        },
      });
      return due.map((r) => ({ id: Number(r.id), attempts: Number(r.attempts) }));
    });
  }

  private async send(claimed: DueRefund): Promise<void> {
    const refund = await this.db.refund.findUniqueOrThrow({
      where: { id: claimed.id },
      include: { payment: true },
    });
    const paymentId = refund.payment.razorpayPaymentId;
    if (!paymentId) return this.fail(refund, 'The payment has no Razorpay payment id');
    try {
      // A try before this one may have reached Razorpay without its answer reaching us.
      const made =
        claimed.attempts > 0
          ? (await this.gateway.refundsOf(paymentId)).find(
              (r) => r.notes.refund_id === String(refund.id),
            )
          : undefined;
      const sent = made ?? (await this.gateway.refund(paymentId, refund.amountPaise, refund.id));
      await this.db.refund.update({
        where: { id: refund.id },
        data: {
          status: sent.status === 'processed' ? 'processed' : 'processing',
          razorpayRefundId: sent.id,
          leaseUntil: null,
          lastError: null,
          ...(sent.status === 'processed' ? { processedAt: new Date() } : {}),
        },
      });
      if (sent.status === 'processed') {
        await this.db.payment.update({
          where: { id: refund.paymentId },
          data: { status: 'refunded' },
        });
      }
    } catch (error) {
      await this.retryOrFail(refund, claimed.attempts + 1, refusalDescription(error));
    }
  }

  private async retryOrFail(refund: Refund, attempts: number, reason: string): Promise<void> {
    if (attempts >= this.settings.maxAttempts) return this.fail(refund, reason);
    const { backoffBaseMs, backoffMaxMs } = this.settings;
    const wait = Math.min(backoffMaxMs, backoffBaseMs * 2 ** (attempts - 1));
    // Only while still pending: a worker that found it sent meanwhile has the last word.
    await this.db.refund.updateMany({
      where: { id: refund.id, status: 'pending' },
      data: { dueAt: new Date(Date.now() + wait), leaseUntil: null, lastError: reason },
    });
  }

  private async fail(refund: Refund, reason: string): Promise<void> {
    await this.db.refund.updateMany({
      where: { id: refund.id, status: 'pending' },
      data: { status: 'failed', leaseUntil: null, lastError: reason },
    });
  }
}
