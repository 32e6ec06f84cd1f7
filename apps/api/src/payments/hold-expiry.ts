import { recordAudit, type Actor } from '../audit/audit-log.ts';
import type { Db } from '../db/client.ts';
import { TRANSACTION_OPTIONS } from '../bookings/booking-dependencies.ts';
import { releasePlaces } from '../bookings/places.ts';
import { confirmPayment } from './confirm-payment.ts';
import { isRefusal, type RazorpayGateway } from './razorpay-gateway.ts';

/**
 * Releasing held places whose time ran out: bookings `pending_payment` (waiting for an online
 * payment) or `offered` (places offered from the waiting list) whose hold_expires_at has
 * passed. The claiming discipline is the notifier's: due rows are claimed with
 * SELECT … FOR UPDATE SKIP LOCKED in small batches, so any number of workers share the work.
 *
 * A pending booking with a Razorpay order is first looked up at Razorpay: a captured payment
 * confirms it instead (this is how a payment whose confirmation was lost to a kill -9 between
 * Razorpay and Sevabook, with no webhook, still confirms). The lookup happens outside any
 * transaction; while it runs, the claim pushes the booking's hold_expires_at a lease ahead so
 * other workers leave it alone, and a worker that dies mid-lookup loses nothing: the lease runs
 * out and the booking is claimed again. docs/decisions/0018-held-places-and-receipts.md.
 */

export interface HoldExpirySettings {
  batchSize: number;
  /** How long a claimed booking is left to its worker's Razorpay lookup. */
  lookupLeaseMs: number;
  timeZone: string;
}

const systemActor: Actor = { type: 'system', label: 'holds worker' };

interface DueHold {
  id: number;
  status: string;
  razorpay_order_id: string | null;
}

export class HoldExpiry {
  constructor(
    private readonly db: Db,
    private readonly gateway: RazorpayGateway | undefined,
    private readonly settings: HoldExpirySettings,
  ) {}

  /** One round: claims due holds, releases or confirms each. Returns how many it handled. */
  async runOnce(now = new Date()): Promise<number> {
    const { expireNow, lookUp, leaseEnds } = await this.claim(now);
    for (const id of expireNow) await this.expire(id, now);
    for (const hold of lookUp) {
      // Still ours if no one leased it further meanwhile.
      if (!(await this.paidMeanwhile(hold))) await this.expire(hold.id, leaseEnds);
    }
    return expireNow.length + lookUp.length;
  }

  /**
   * Claims due holds. Those with nothing to ask Razorpay are expired at once; those with an
   * order get a lease (their hold moved a little ahead) while Razorpay is asked.
   */
  private async claim(
    now: Date,
  ): Promise<{ expireNow: number[]; lookUp: DueHold[]; leaseEnds: Date }> {
    const leaseEnds = new Date(now.getTime() + this.settings.lookupLeaseMs);
    return this.db.$transaction(async (tx) => {
      const due = await tx.$queryRaw<DueHold[]>`
        SELECT id, status, razorpay_order_id FROM booking
        WHERE status IN ('pending_payment', 'offered') AND hold_expires_at <= ${now}
        ORDER BY hold_expires_at LIMIT ${this.settings.batchSize}
        FOR UPDATE SKIP LOCKED`;
      const lookUp = due.filter(
        (b) => b.status === 'pending_payment' && b.razorpay_order_id && this.gateway,
      );
      if (lookUp.length > 0) {
        await tx.booking.updateMany({
          where: { id: { in: lookUp.map((b) => b.id) } },
          data: { holdExpiresAt: leaseEnds },
        });
      }
      const leased = new Set(lookUp.map((b) => b.id));
      const expireNow = due.filter((b) => !leased.has(b.id)).map((b) => b.id);
      return { expireNow, lookUp, leaseEnds };
    }, TRANSACTION_OPTIONS);
  }

  /** Whether Razorpay holds a captured payment of the booking's order; if so it is confirmed. */
  private async paidMeanwhile(hold: DueHold): Promise<boolean> {
    let payments;
    try {
      payments = await this.gateway!.paymentsOfOrder(hold.razorpay_order_id!);
    } catch (error) {
      // Razorpay knows no such order: nothing was paid through it.
      if (isRefusal(error)) return false;
      // Razorpay not answering: the hold waits for the lease to run out and is asked again.
      return true;
    }
    const captured = payments.find((p) => p.status === 'captured');
    if (!captured) return false;
    await confirmPayment(
      this.db,
      hold.id,
      {
        razorpayPaymentId: captured.id,
        razorpayOrderId: hold.razorpay_order_id!,
        amountPaise: captured.amountPaise,
      },
      { timeZone: this.settings.timeZone, actor: systemActor },
    );
    return true;
  }

  /**
   * Expires one hold and gives its places back, if it is still held and due (a payment or a
   * worker may have settled it meanwhile). An offered booking's waiting-list entry expires too.
   */
  private async expire(id: number, now: Date): Promise<void> {
    await this.db.$transaction(async (tx) => {
      const [hold] = await tx.$queryRaw<
        {
          id: number;
          status: string;
          slot_id: number;
          persons: number;
          waitlist_entry_id: number | null;
        }[]
      >`
        SELECT id, status, slot_id, persons, waitlist_entry_id FROM booking
        WHERE id = ${id} AND status IN ('pending_payment', 'offered') AND hold_expires_at <= ${now}
        FOR UPDATE SKIP LOCKED`;
      if (!hold) return;
      await tx.booking.update({
        where: { id },
        data: { status: 'expired', version: { increment: 1 } },
      });
      await releasePlaces(tx, hold.slot_id, hold.persons);
      if (hold.status === 'offered' && hold.waitlist_entry_id !== null) {
        await tx.waitlistEntry.update({
          where: { id: hold.waitlist_entry_id },
          data: { status: 'expired' },
        });
      }
      await recordAudit(tx, {
        entityType: 'booking',
        entityId: id,
        bookingId: id,
        action: 'booking.hold_expired',
        actor: systemActor,
        before: { status: hold.status },
        after: { status: 'expired', placesReleased: hold.persons },
      });
    }, TRANSACTION_OPTIONS);
  }
}
