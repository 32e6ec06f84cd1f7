import { describe, expect, it } from 'vitest';
import { testDb } from '../db.ts';
import { createSeva, createSlot } from '../factories.ts';
import {
  bookingState,
  holdPlaces,
  ONLINE_FEE_PAISE,
  onlineSlot,
  paymentSuite,
  postWebhook,
  verify,
} from './payment-harness.ts';

const suite = paymentSuite();
const db = testDb();

describe('POST /api/v1/bookings for a seva paid online', () => {
  it('holds the places, makes a Razorpay order of the fee and sends no message yet', async () => {
    const slot = await onlineSlot(10);
    const held = await holdPlaces(suite.app, slot.id, 2);

    expect(held.body).toMatchObject({
      status: 'pending_payment',
      pays: 'online',
      feePaise: 2 * ONLINE_FEE_PAISE,
      receipt: null,
      razorpay: {
        amountPaise: 2 * ONLINE_FEE_PAISE,
        currency: 'INR',
        keyId: suite.fake.keyId,
        checkoutUrl: suite.fake.checkoutUrl,
      },
    });
    expect(Date.parse(held.body.holdExpiresAt as string)).toBeGreaterThan(Date.now() + 500_000);
    const order = suite.fake.orders.get(held.orderId);
    expect(order).toMatchObject({ amount: 2 * ONLINE_FEE_PAISE, receipt: held.reference });

    const state = await bookingState(held.reference);
    expect(state.booking).toMatchObject({
      status: 'pending_payment',
      feePaise: 2 * ONLINE_FEE_PAISE,
      pays: 'online',
      razorpayOrderId: held.orderId,
    });
    expect(state.slot.booked).toBe(2);
    expect(state.notifications).toHaveLength(0);
  });

  it('confirms a free seva at once, whatever its payment mode', async () => {
    const seva = await createSeva(db, { feePaise: 0, paymentMode: 'online_required' });
    const slot = await createSlot(db, { sevaId: seva.id });
    const held = await holdPlaces(suite.app, slot.id);
    expect(held.body).toMatchObject({ status: 'confirmed', razorpay: null, feePaise: 0 });
  });

  it('lets the devotee choose the counter for a seva paid either way', async () => {
    const slot = await onlineSlot(10, 'online_or_counter');
    const counter = await holdPlaces(suite.app, slot.id, 1, { pays: 'counter' });
    expect(counter.body).toMatchObject({ status: 'confirmed', pays: 'counter', razorpay: null });
    const online = await holdPlaces(suite.app, slot.id, 1);
    expect(online.body).toMatchObject({ status: 'pending_payment', pays: 'online' });
  });

  it('gives the same order again when asked, and refuses one for a booking paid at the counter', async () => {
    const slot = await onlineSlot(10, 'online_or_counter');
    const held = await holdPlaces(suite.app, slot.id);
    const again = await suite.app.inject({
      method: 'POST',
      url: `/api/v1/bookings/${held.reference}/payments/razorpay/order`,
      headers: { 'x-booking-token': held.manageToken },
    });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ orderId: held.orderId });
    expect(suite.fake.orders.has(held.orderId)).toBe(true);

    const counter = await holdPlaces(suite.app, slot.id, 1, { pays: 'counter' });
    const refused = await suite.app.inject({
      method: 'POST',
      url: `/api/v1/bookings/${counter.reference}/payments/razorpay/order`,
      headers: { 'x-booking-token': counter.manageToken },
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'booking_not_payable' });
  });
});

describe('POST /api/v1/bookings/{reference}/payments/razorpay/verify', () => {
  it('confirms the booking, numbers its receipt and queues one confirmation', async () => {
    const slot = await onlineSlot(10);
    const held = await holdPlaces(suite.app, slot.id);
    const res = await verify(suite.app, held, suite.fake.pay(held.orderId));

    expect(res.statusCode).toBe(200);
    const body = res.json<{ status: string; receipt: { number: string } }>();
    expect(body).toMatchObject({
      status: 'confirmed',
      holdExpiresAt: null,
      razorpay: null,
      receipt: { amountPaise: ONLINE_FEE_PAISE, method: 'online' },
    });
    expect(body.receipt.number).toMatch(/^SB\/\d{4}-\d{2}\/\d{6}$/);
    const state = await bookingState(held.reference);
    expect(state.booking).toMatchObject({ status: 'confirmed', holdExpiresAt: null, version: 2 });
    expect(state.payments).toHaveLength(1);
    expect(state.payments[0]).toMatchObject({ status: 'captured', amountPaise: ONLINE_FEE_PAISE });
    expect(state.payments[0]!.receipt).not.toBeNull();
    expect(state.notifications.filter((n) => n.kind === 'confirmation')).toHaveLength(1);
    expect(state.slot.booked).toBe(1);

    // Checkout's handler may post twice: the second changes nothing.
    const replay = await verify(suite.app, held, {
      razorpay_order_id: held.orderId,
      razorpay_payment_id: state.payments[0]!.razorpayPaymentId!,
      razorpay_signature: (await import('node:crypto'))
        .createHmac('sha256', suite.fake.keySecret)
        .update(`${held.orderId}|${state.payments[0]!.razorpayPaymentId}`)
        .digest('hex'),
    });
    expect(replay.statusCode).toBe(200);
    const after = await bookingState(held.reference);
    expect(after.payments).toHaveLength(1);
    expect(after.notifications.filter((n) => n.kind === 'confirmation')).toHaveLength(1);
  });

  it('refuses a forged signature and changes nothing', async () => {
    const slot = await onlineSlot(10);
    const held = await holdPlaces(suite.app, slot.id);
    const signed = suite.fake.pay(held.orderId);
    const res = await verify(suite.app, held, {
      ...signed,
      razorpay_signature: signed.razorpay_signature.replace(/^./, (c) => (c === 'a' ? 'b' : 'a')),
    });

    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'payment_signature_invalid' });
    const state = await bookingState(held.reference);
    expect(state.booking.status).toBe('pending_payment');
    expect(state.payments).toHaveLength(0);
    expect(state.notifications).toHaveLength(0);
  });

  it('says a failed payment failed and keeps the place held for another try', async () => {
    const slot = await onlineSlot(10);
    const held = await holdPlaces(suite.app, slot.id);
    const failed = await verify(suite.app, held, suite.fake.pay(held.orderId, { fail: true }));
    expect(failed.statusCode).toBe(422);
    expect(failed.json()).toMatchObject({ code: 'payment_failed' });
    expect((await bookingState(held.reference)).booking.status).toBe('pending_payment');

    const retried = await verify(suite.app, held, suite.fake.pay(held.orderId));
    expect(retried.statusCode).toBe(200);
    expect((await bookingState(held.reference)).booking.status).toBe('confirmed');
  });

  it('captures a payment Razorpay only authorised', async () => {
    const slot = await onlineSlot(10);
    const held = await holdPlaces(suite.app, slot.id);
    const signed = suite.fake.pay(held.orderId, { authorized: true });
    const res = await verify(suite.app, held, signed);
    expect(res.statusCode).toBe(200);
    expect(suite.fake.payments.get(signed.razorpay_payment_id)?.status).toBe('captured');
  });

  it('confirms once when the browser and the webhook arrive together', async () => {
    const slot = await onlineSlot(10);
    const held = await holdPlaces(suite.app, slot.id);
    const signed = suite.fake.pay(held.orderId);
    const hook = suite.fake.paymentWebhook('payment.captured', signed.razorpay_payment_id);
    const paid = suite.fake.paymentWebhook('order.paid', signed.razorpay_payment_id);

    const [browser, webhook, orderPaid] = await Promise.all([
      verify(suite.app, held, signed),
      postWebhook(suite.app, hook),
      postWebhook(suite.app, paid),
    ]);
    expect([browser.statusCode, webhook.statusCode, orderPaid.statusCode]).toEqual([200, 200, 200]);
    const state = await bookingState(held.reference);
    expect(state.booking.status).toBe('confirmed');
    expect(state.payments).toHaveLength(1);
    expect(await db.receipt.count({ where: { paymentId: state.payments[0]!.id } })).toBe(1);
    expect(state.notifications.filter((n) => n.kind === 'confirmation')).toHaveLength(1);
    expect(state.slot.booked).toBe(1);
  });
});
