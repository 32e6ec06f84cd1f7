import { describe, expect, it } from 'vitest';
import { testDb } from '../db.ts';
import { uniquePhone } from '../factories.ts';
import {
  bookingState,
  holdPlaces,
  onlineSlot,
  paymentSuite,
  postWebhook,
  runOutHold,
  runWorkers,
  verify,
} from './payment-harness.ts';

const suite = paymentSuite();
const db = testDb();

async function slotRemaining(slotId: number): Promise<number | undefined> {
  const slot = await db.slot.findUniqueOrThrow({ where: { id: slotId } });
  const res = await suite.app.inject(`/api/v1/slots/${slotId}`);
  expect(res.json<{ remaining: number }>().remaining).toBe(slot.capacity - slot.booked);
  return res.json<{ remaining: number }>().remaining;
}

describe('holds that run out', () => {
  it('are released by the worker: expired, places back on sale, shown as free', async () => {
    const slot = await onlineSlot(3);
    const held = await holdPlaces(suite.app, slot.id, 2);
    expect(await slotRemaining(slot.id)).toBe(1);
    const before = await db.slot.findUniqueOrThrow({ where: { id: slot.id } });
    await runOutHold(suite.workers, held.reference);

    const state = await bookingState(held.reference);
    expect(state.booking.status).toBe('expired');
    expect(state.booking.version).toBe(2);
    expect(state.slot.booked).toBe(0);
    // The availability stream polls slot.updated_at: the release must move it.
    expect(state.slot.updatedAt.getTime()).toBeGreaterThanOrEqual(before.updatedAt.getTime());
    expect(await slotRemaining(slot.id)).toBe(3);
    expect(state.notifications).toHaveLength(0);
    const audit = await db.auditEntry.findFirst({
      where: { bookingId: state.booking.id, action: 'booking.hold_expired' },
    });
    expect(audit).not.toBeNull();

    // The released places sell again.
    const again = await holdPlaces(suite.app, slot.id, 3);
    expect(again.body).toMatchObject({ status: 'pending_payment' });
  });

  it('confirms instead when Razorpay holds a captured payment the API never heard of', async () => {
    const slot = await onlineSlot(3);
    const held = await holdPlaces(suite.app, slot.id);
    suite.fake.pay(held.orderId); // paid, but neither the browser nor the webhook came back
    await runOutHold(suite.workers, held.reference);

    const state = await bookingState(held.reference);
    expect(state.booking.status).toBe('confirmed');
    expect(state.payments).toHaveLength(1);
    expect(state.notifications.filter((n) => n.kind === 'confirmation')).toHaveLength(1);
    expect(state.slot.booked).toBe(1);
  });

  it('leave a hold alone while it still runs', async () => {
    const slot = await onlineSlot(3);
    const held = await holdPlaces(suite.app, slot.id);
    await suite.workers.runOnce(new Date());
    expect((await bookingState(held.reference)).booking.status).toBe('pending_payment');
  });
});

describe('a payment that arrives after its hold ran out', () => {
  it('confirms the booking when its places are still free', async () => {
    const slot = await onlineSlot(3);
    const held = await holdPlaces(suite.app, slot.id, 2);
    await runOutHold(suite.workers, held.reference);
    expect((await bookingState(held.reference)).booking.status).toBe('expired');

    const res = await verify(suite.app, held, suite.fake.pay(held.orderId));

    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'confirmed' });
    const state = await bookingState(held.reference);
    expect(state.booking.status).toBe('confirmed');
    expect(state.slot.booked).toBe(2);
    expect(state.payments[0]).toMatchObject({ status: 'captured' });
    expect(state.notifications.filter((n) => n.kind === 'confirmation')).toHaveLength(1);
  });

  it('is refunded in full with a message when the places were sold meanwhile', async () => {
    const slot = await onlineSlot(2);
    const late = await holdPlaces(suite.app, slot.id, 2);
    await runOutHold(suite.workers, late.reference);
    const other = await holdPlaces(suite.app, slot.id, 2, { phone: uniquePhone() });
    expect(other.body).toMatchObject({ status: 'pending_payment' });

    const signed = suite.fake.pay(late.orderId);
    const res = await postWebhook(
      suite.app,
      suite.fake.paymentWebhook('payment.captured', signed.razorpay_payment_id),
    );

    expect(res.statusCode).toBe(200);
    const state = await bookingState(late.reference);
    expect(state.booking.status).toBe('expired');
    expect(state.slot.booked).toBe(2); // never beyond capacity
    expect(state.payments).toHaveLength(1);
    expect(state.payments[0]).toMatchObject({ status: 'refund_due' });
    expect(state.payments[0]!.refund).toMatchObject({
      reason: 'late_payment',
      method: 'razorpay',
      status: 'pending',
      amountPaise: state.booking.feePaise,
    });
    expect(state.notifications.map((n) => n.kind)).toEqual(['late_payment_refund']);

    // The browser's verify after it says so in words, and changes nothing more.
    const browser = await verify(suite.app, late, signed);
    expect(browser.statusCode).toBe(409);
    expect(browser.json()).toMatchObject({ code: 'hold_expired' });
    expect((await bookingState(late.reference)).notifications).toHaveLength(1);

    // The refund goes to Razorpay once.
    await runWorkers(suite.workers);
    expect(
      suite.fake.refunds.filter((r) => r.payment_id === signed.razorpay_payment_id),
    ).toHaveLength(1);
    const refund = await db.refund.findUniqueOrThrow({
      where: { paymentId: state.payments[0]!.id },
    });
    expect(refund.status).toBe('processing');
    expect(refund.razorpayRefundId).toMatch(/^rfnd_/);
  });

  it('refunds a second payment of a booking already paid', async () => {
    const slot = await onlineSlot(3);
    const held = await holdPlaces(suite.app, slot.id);
    expect((await verify(suite.app, held, suite.fake.pay(held.orderId))).statusCode).toBe(200);

    const second = await verify(suite.app, held, suite.fake.pay(held.orderId));

    expect(second.statusCode).toBe(409);
    expect(second.json()).toMatchObject({ code: 'already_paid' });
    const state = await bookingState(held.reference);
    expect(state.booking.status).toBe('confirmed');
    expect(state.payments.map((p) => p.status).sort()).toEqual(['captured', 'refund_due']);
    const duplicate = state.payments.find((p) => p.status === 'refund_due');
    expect(duplicate?.refund).toMatchObject({ reason: 'duplicate_payment' });
    expect(state.notifications.filter((n) => n.kind === 'confirmation')).toHaveLength(1);
  });
});
