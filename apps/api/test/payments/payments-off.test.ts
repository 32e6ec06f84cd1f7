import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildTestApp } from '../app.ts';
import { testDb } from '../db.ts';
import { announcePaymentMode } from '../../src/payments/payment-settings.ts';
import { holdPlaces, ONLINE_FEE_PAISE, onlineSlot } from './payment-harness.ts';

let app: FastifyInstance;
beforeAll(async () => {
  app = await buildTestApp(); // no RAZORPAY_KEY_ID
});
afterAll(async () => {
  await app.close();
});

describe('without RAZORPAY_KEY_ID', () => {
  it('books a seva paid online as one paid at the counter', async () => {
    const slot = await onlineSlot(5);
    const held = await holdPlaces(app, slot.id, 2);
    expect(held.body).toMatchObject({
      status: 'confirmed',
      pays: 'counter',
      feePaise: 2 * ONLINE_FEE_PAISE,
      razorpay: null,
      holdExpiresAt: null,
    });
    const notifications = await testDb().notification.findMany({
      where: { booking: { reference: held.reference } },
    });
    expect(notifications.map((n) => n.kind)).toContain('confirmation');

    const seva = await app.inject(`/api/v1/sevas/${slot.sevaId}`);
    expect(seva.json()).toMatchObject({ paymentMode: 'counter' });
    const order = await app.inject({
      method: 'POST',
      url: `/api/v1/bookings/${held.reference}/payments/razorpay/order`,
      headers: { 'x-booking-token': held.manageToken },
    });
    expect(order.statusCode).toBe(409);
    expect(order.json()).toMatchObject({ code: 'online_payment_unavailable' });
  });

  it('says so in one line at start-up', () => {
    const lines: string[] = [];
    announcePaymentMode({ razorpay: undefined }, { info: (line) => lines.push(line) });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/Online payment is off/);
  });
});
