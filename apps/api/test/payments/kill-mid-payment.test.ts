import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSeva, createSlot, uniquePhone } from '../factories.ts';
import { FakeRazorpay } from '../fake-razorpay.ts';
import { ChaosTemple, twilioEnv, waitUntil, type ApiProcess } from '../chaos/processes.ts';

/**
 * The API process is killed with SIGKILL after Razorpay took the devotee's money and while the
 * browser's verify is asking Razorpay about it: nothing of the payment reached the database.
 * Started again, with no webhook at all, its worker finds the captured payment when the hold
 * runs out and confirms the booking exactly once, with one WhatsApp confirmation.
 */

const temple = ChaosTemple.forSuite({ connections: 3, fakeTwilio: true });
const fake = new FakeRazorpay();
let api: ApiProcess;

beforeAll(async () => {
  await fake.start();
  api = await temple.startApi({
    ...twilioEnv(temple.twilio),
    NOTIFIER: 'inline',
    RAZORPAY_KEY_ID: fake.keyId,
    RAZORPAY_KEY_SECRET: fake.keySecret,
    RAZORPAY_WEBHOOK_SECRET: fake.webhookSecret,
    RAZORPAY_API_BASE: fake.url,
  });
}, 120_000);
afterAll(() => fake.close());

describe('kill -9 between the payment and its confirmation', () => {
  it('confirms once after the restart, from Razorpay, with one message', async () => {
    const { db, twilio } = temple;
    const seva = await createSeva(db, { feePaise: 25_100, paymentMode: 'online_required' });
    const slot = await createSlot(db, { sevaId: seva.id, capacity: 5 });
    const phone = uniquePhone();
    const created = await fetch(`${api.url}/api/v1/bookings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ slotId: slot.id, devoteeName: 'Kill Test', phone, persons: 1 }),
    });
    expect(created.status).toBe(201);
    const held = (await created.json()) as {
      reference: string;
      manageToken: string;
      razorpay: { orderId: string };
    };
    const signed = fake.pay(held.razorpay.orderId);

    fake.hangPaymentLookups = true;
    const verifying = fetch(
      `${api.url}/api/v1/bookings/${held.reference}/payments/razorpay/verify`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-booking-token': held.manageToken },
        body: JSON.stringify(signed),
      },
    ).catch(() => 'no answer' as const);
    await waitUntil(
      () => fake.requests.includes(`GET /v1/payments/${signed.razorpay_payment_id}`),
      20_000,
      'verify to ask Razorpay',
    );
    await api.kill9();
    expect(await verifying).toBe('no answer');
    fake.releasePaymentLookups();

    const booking = await db.booking.findUniqueOrThrow({ where: { reference: held.reference } });
    expect(booking.status).toBe('pending_payment');
    expect(await db.payment.count({ where: { bookingId: booking.id } })).toBe(0);

    // The hold runs out (moved in time rather than waited for), and the API starts again.
    await db.booking.update({
      where: { id: booking.id },
      data: { holdExpiresAt: new Date(Date.now() - 1_000) },
    });
    await api.restart();

    await waitUntil(
      async () =>
        (await db.booking.findUniqueOrThrow({ where: { id: booking.id } })).status === 'confirmed',
      30_000,
      'the worker to confirm the booking',
    );
    await waitUntil(() => twilio.messagesTo(phone).length >= 1, 30_000, 'the confirmation');
    // A webhook arriving late changes nothing more.
    const hook = fake.paymentWebhook('payment.captured', signed.razorpay_payment_id);
    const late = await fetch(`${api.url}/api/v1/payments/razorpay/webhook`, {
      method: 'POST',
      headers: hook.headers,
      body: hook.body,
    });
    expect(late.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1_500));

    expect(await db.payment.count({ where: { bookingId: booking.id } })).toBe(1);
    expect(
      await db.notification.count({ where: { bookingId: booking.id, kind: 'confirmation' } }),
    ).toBe(1);
    expect(twilio.messagesTo(phone)).toHaveLength(1);
    expect((await db.slot.findUniqueOrThrow({ where: { id: slot.id } })).booked).toBe(1);
  }, 180_000);
});
