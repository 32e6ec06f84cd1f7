import type { Db } from '../db/client.ts';
import type { Actor } from '../audit/audit-log.ts';
import { confirmPayment, type PaymentOutcome } from './confirm-payment.ts';
import { claimEvent, type RazorpayEventRow } from './razorpay-events.ts';
import { markRefundFailed, markRefundProcessed } from './refunds.ts';

/**
 * What Sevabook does with each Razorpay webhook event, safe in any order and any number of
 * times: the event's id is recorded with its effect (razorpay-events.ts), and each effect
 * checks the state it finds rather than trusting the order events come in.
 *   payment.captured, order.paid → the payment is recorded and its booking confirmed
 *     (confirm-payment.ts), for a devotee whose browser never came back;
 *   payment.failed → nothing: the place stays held and the devotee may try again;
 *   refund.processed → the refund is done and the payment refunded;
 *   refund.failed → the refund failed: staff see it.
 */

export interface RazorpayEvent {
  event: string;
  payload?: {
    payment?: { entity?: WebhookPayment };
    order?: { entity?: { id?: string; notes?: unknown } };
    refund?: { entity?: { id?: string; status?: string } };
  };
}

interface WebhookPayment {
  id?: string;
  order_id?: string | null;
  amount?: number;
  status?: string;
  notes?: unknown;
  error_description?: string | null;
}

const webhookActor: Actor = { type: 'system', label: 'Razorpay webhook' };

export async function handleRazorpayEvent(
  db: Db,
  eventId: string,
  body: RazorpayEvent,
  timeZone: string,
): Promise<PaymentOutcome | 'recorded'> {
  const event: RazorpayEventRow = { id: eventId, name: body.event };
  const now = new Date();
  switch (body.event) {
    case 'payment.captured':
    case 'order.paid': {
      const payment = body.payload?.payment?.entity;
      const bookingId = payment ? await bookingOf(db, payment, body) : null;
      if (
        !payment?.id ||
        !payment.order_id ||
        bookingId === null ||
        payment.status !== 'captured'
      ) {
        break;
      }
      return confirmPayment(
        db,
        bookingId,
        {
          razorpayPaymentId: payment.id,
          razorpayOrderId: payment.order_id,
          amountPaise: Number(payment.amount),
        },
        { timeZone, actor: webhookActor, now, event },
      );
    }
    case 'refund.processed':
    case 'refund.failed': {
      const refundId = body.payload?.refund?.entity?.id;
      if (!refundId) break;
      await db.$transaction(async (tx) => {
        if (!(await claimEvent(tx, event, now))) return;
        if (body.event === 'refund.processed') await markRefundProcessed(tx, refundId, now);
        else await markRefundFailed(tx, refundId, 'Razorpay reported the refund failed');
      });
      return 'recorded';
    }
    default:
      break;
  }
  // Nothing to do (payment.failed, an event of no booking): remembered, so a redelivery is quiet.
  await db.$transaction((tx) => claimEvent(tx, event, now));
  return 'recorded';
}

/** The booking paid by the payment: by its order, or by the reference in the order's notes. */
async function bookingOf(
  db: Db,
  payment: WebhookPayment,
  body: RazorpayEvent,
): Promise<number | null> {
  if (payment.order_id) {
    const byOrder = await db.booking.findUnique({
      where: { razorpayOrderId: payment.order_id },
      select: { id: true },
    });
    if (byOrder) return byOrder.id;
  }
  const reference =
    referenceIn(payment.notes) ?? referenceIn(body.payload?.order?.entity?.notes) ?? null;
  if (!reference) return null;
  const byReference = await db.booking.findUnique({ where: { reference }, select: { id: true } });
  return byReference?.id ?? null;
}

function referenceIn(notes: unknown): string | undefined {
  if (!notes || typeof notes !== 'object' || Array.isArray(notes)) return undefined;
  const reference = (notes as Record<string, unknown>).reference;
  return typeof reference === 'string' ? reference : undefined;
}
