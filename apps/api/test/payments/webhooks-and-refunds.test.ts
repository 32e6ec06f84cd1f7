import { describe, expect, it } from 'vitest';
import { testDb } from '../db.ts';
import {
  bookingState,
  holdPlaces,
  onlineSlot,
  paymentSuite,
  postWebhook,
  runOutHold,
  runWorkers,
} from './payment-harness.ts';

const suite = paymentSuite();
const db = testDb();

describe('POST /api/v1/payments/razorpay/webhook', () => {
  it('confirms a booking whose browser never came back, once for any number of deliveries', async () => {
    const slot = await onlineSlot(5);
    const held = await holdPlaces(suite.app, slot.id);
    const signed = suite.fake.pay(held.orderId);
    const hook = suite.fake.paymentWebhook('payment.captured', signed.razorpay_payment_id);

    const first = await postWebhook(suite.app, hook);
    const again = await postWebhook(suite.app, hook);
    const orderPaid = await postWebhook(
      suite.app,
      suite.fake.paymentWebhook('order.paid', signed.razorpay_payment_id),
    );

    expect([first.statusCode, again.statusCode, orderPaid.statusCode]).toEqual([200, 200, 200]);
    expect(first.json()).toEqual({ received: true });
    const state = await bookingState(held.reference);
    expect(state.booking.status).toBe('confirmed');
    expect(state.payments).toHaveLength(1);
    expect(state.notifications.filter((n) => n.kind === 'confirmation')).toHaveLength(1);
    expect(
      await db.razorpayEvent.count({ where: { eventId: hook.headers['x-razorpay-event-id'] } }),
    ).toBe(1);
  });

  it('keeps the hold on payment.failed, and confirms on a capture that comes after', async () => {
    const slot = await onlineSlot(5);
    const held = await holdPlaces(suite.app, slot.id);
    const failed = suite.fake.pay(held.orderId, { fail: true });
    const paid = suite.fake.pay(held.orderId);
    // Out of order: the capture first, then the older failure.
    await postWebhook(
      suite.app,
      suite.fake.paymentWebhook('payment.captured', paid.razorpay_payment_id),
    );
    const late = await postWebhook(
      suite.app,
      suite.fake.paymentWebhook('payment.failed', failed.razorpay_payment_id),
    );
    expect(late.statusCode).toBe(200);
    const state = await bookingState(held.reference);
    expect(state.booking.status).toBe('confirmed');
    expect(state.payments).toHaveLength(1);
  });

  it('refuses a forged signature and changes nothing', async () => {
    const slot = await onlineSlot(5);
    const held = await holdPlaces(suite.app, slot.id);
    const signed = suite.fake.pay(held.orderId);
    const hook = suite.fake.paymentWebhook('payment.captured', signed.razorpay_payment_id);
    const forged = {
      ...hook,
      headers: { ...hook.headers, 'x-razorpay-signature': '0'.repeat(64) },
    };
    const tampered = { ...hook, body: hook.body.replace(/"amount":\d+/, '"amount":1') };
    const unsigned = {
      ...hook,
      headers: Object.fromEntries(
        Object.entries(hook.headers).filter(([name]) => name !== 'x-razorpay-signature'),
      ),
    };

    for (const attempt of [forged, tampered, unsigned]) {
      const res = await postWebhook(suite.app, attempt);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ code: 'webhook_signature_invalid' });
    }
    const state = await bookingState(held.reference);
    expect(state.booking.status).toBe('pending_payment');
    expect(state.payments).toHaveLength(0);
    expect(state.notifications).toHaveLength(0);
    expect(
      await db.razorpayEvent.count({ where: { eventId: hook.headers['x-razorpay-event-id'] } }),
    ).toBe(0);
  });
});

describe('refunds sent to Razorpay', () => {
  /** A late payment with no place left: its refund is queued. */
  async function refundQueued() {
    const slot = await onlineSlot(1);
    const held = await holdPlaces(suite.app, slot.id);
    await runOutHold(suite.workers, held.reference);
    await holdPlaces(suite.app, slot.id);
    const signed = suite.fake.pay(held.orderId);
    await postWebhook(
      suite.app,
      suite.fake.paymentWebhook('payment.captured', signed.razorpay_payment_id),
    );
    const payment = await db.payment.findUniqueOrThrow({
      where: { razorpayPaymentId: signed.razorpay_payment_id },
    });
    return { paymentId: payment.id, razorpayPaymentId: signed.razorpay_payment_id };
  }

  it('are completed by refund.processed, whatever order the events come in', async () => {
    const { paymentId, razorpayPaymentId } = await refundQueued();
    await runWorkers(suite.workers);
    const sent = suite.fake.refunds.find((r) => r.payment_id === razorpayPaymentId)!;

    const processed = suite.fake.refundWebhook('refund.processed', sent.id);
    expect((await postWebhook(suite.app, processed)).statusCode).toBe(200);
    // A stale refund.failed after it changes nothing.
    await postWebhook(
      suite.app,
      suite.fake.webhook('refund.failed', { refund: { ...sent, status: 'failed' } }),
    );

    const refund = await db.refund.findUniqueOrThrow({ where: { paymentId } });
    expect(refund).toMatchObject({ status: 'processed', razorpayRefundId: sent.id });
    expect(refund.processedAt).not.toBeNull();
    expect((await db.payment.findUniqueOrThrow({ where: { id: paymentId } })).status).toBe(
      'refunded',
    );
  });

  it('are tried again after a refusal and marked failed, with the reason, in the end', async () => {
    const { paymentId } = await refundQueued();
    suite.fake.refundOutage = { status: 400, description: 'Insufficient balance' };
    try {
      // Each try is due a moment after the last (the suite's backoff is a millisecond).
      for (let round = 0; round < 3; round++) {
        await new Promise((resolve) => setTimeout(resolve, 5));
        await runWorkers(suite.workers);
      }
    } finally {
      suite.fake.refundOutage = undefined;
    }
    const refund = await db.refund.findUniqueOrThrow({ where: { paymentId } });
    expect(refund).toMatchObject({ status: 'failed', attempts: 3, razorpayRefundId: null });
    expect(refund.lastError).toContain('Insufficient balance');
  });

  it('are looked up, not sent twice, when an answer was lost', async () => {
    const { paymentId, razorpayPaymentId } = await refundQueued();
    suite.fake.refundsToHang = 1;
    // The SDK gives up after its timeout; the lease is cut short here to try again at once.
    const sending = suite.workers.runOnce();
    await waitFor(() => suite.fake.refunds.some((r) => r.payment_id === razorpayPaymentId));
    await db.refund.update({ where: { paymentId }, data: { leaseUntil: new Date(0) } });
    await runWorkers(suite.workers);

    expect(suite.fake.refunds.filter((r) => r.payment_id === razorpayPaymentId)).toHaveLength(1);
    const refund = await db.refund.findUniqueOrThrow({ where: { paymentId } });
    expect(refund.status).toBe('processing');
    expect(refund.razorpayRefundId).toBe(
      suite.fake.refunds.find((r) => r.payment_id === razorpayPaymentId)!.id,
    );
    void sending.catch(() => undefined);
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((r) => setTimeout(r, 25));
  if (!condition()) throw new Error('never happened');
}
