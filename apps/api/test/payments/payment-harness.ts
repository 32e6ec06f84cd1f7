import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { buildTestApp, testConfig } from '../app.ts';
import { testDb } from '../db.ts';
import { createSeva, createSlot, uniquePhone } from '../factories.ts';
import { FakeRazorpay } from '../fake-razorpay.ts';
import { PaymentWorkers } from '../../src/payments/payment-workers.ts';
import type { Config } from '../../src/config.ts';

/**
 * An app with online payment on, talking to a fake Razorpay through the real SDK, and the
 * payments' worker to run by hand (`workers.runOnce(now)`).
 */
export interface PaymentSuite {
  readonly app: FastifyInstance;
  readonly fake: FakeRazorpay;
  readonly workers: PaymentWorkers;
  readonly config: Config;
}

export function razorpayConfig(fake: FakeRazorpay): Partial<Config> {
  return {
    razorpay: {
      keyId: fake.keyId,
      keySecret: fake.keySecret,
      webhookSecret: fake.webhookSecret,
      apiBase: fake.url,
      checkoutUrl: fake.checkoutUrl,
    },
  };
}

export function paymentSuite(): PaymentSuite {
  const suite = {} as {
    app: FastifyInstance;
    fake: FakeRazorpay;
    workers: PaymentWorkers;
    config: Config;
  };
  beforeAll(async () => {
    suite.fake = await new FakeRazorpay().start();
    suite.config = testConfig(razorpayConfig(suite.fake));
    suite.app = await buildTestApp(razorpayConfig(suite.fake));
    suite.workers = new PaymentWorkers(
      suite.config,
      testDb(),
      { error: () => undefined },
      {
        refunds: { backoffBaseMs: 1, backoffMaxMs: 1, maxAttempts: 3 },
        holdLookupLeaseMs: 1_000,
      },
    );
  });
  afterAll(async () => {
    await suite.app?.close();
    await suite.fake?.close();
  });
  return suite;
}

export const ONLINE_FEE_PAISE = 15_100;

/** An open slot of a seva paid online (₹151 a person), `capacity` places. */
export async function onlineSlot(
  capacity = 10,
  paymentMode: 'online_required' | 'online_or_counter' = 'online_required',
) {
  const db = testDb();
  const seva = await createSeva(db, { feePaise: ONLINE_FEE_PAISE, paymentMode });
  return createSlot(db, { sevaId: seva.id, capacity });
}

export interface Held {
  reference: string;
  manageToken: string;
  orderId: string;
  body: Record<string, unknown>;
}

/** Books `persons` places of the slot on the devotee site; the booking waits for its payment. */
export async function holdPlaces(
  app: FastifyInstance,
  slotId: number,
  persons = 1,
  extra: Record<string, unknown> = {},
): Promise<Held> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/bookings',
    payload: { slotId, devoteeName: 'Lakshmi Rao', phone: uniquePhone(), persons, ...extra },
  });
  if (res.statusCode !== 201) throw new Error(`booking refused: ${res.body}`);
  const body = res.json<Record<string, unknown> & { razorpay: { orderId: string } | null }>();
  return {
    reference: body.reference as string,
    manageToken: body.manageToken as string,
    orderId: body.razorpay?.orderId ?? '',
    body,
  };
}

export function verify(app: FastifyInstance, held: Held, signed: object) {
  return app.inject({
    method: 'POST',
    url: `/api/v1/bookings/${held.reference}/payments/razorpay/verify`,
    headers: { 'x-booking-token': held.manageToken },
    payload: signed,
  });
}

export function postWebhook(
  app: FastifyInstance,
  hook: { body: string; headers: Record<string, string> },
) {
  return app.inject({
    method: 'POST',
    url: '/api/v1/payments/razorpay/webhook',
    headers: hook.headers,
    payload: hook.body,
  });
}

/** The booking's row and what hangs off it, as the database has them. */
export async function bookingState(reference: string) {
  const db = testDb();
  const booking = await db.booking.findUniqueOrThrow({
    where: { reference },
    include: { payments: { include: { receipt: true, refund: true } }, slot: true },
  });
  const notifications = await db.notification.findMany({ where: { bookingId: booking.id } });
  return { booking, payments: booking.payments, slot: booking.slot, notifications };
}

/**
 * Lets the booking's hold run out (as if its time had passed) and runs the payments' worker
 * until it has nothing left to do. Only this booking is moved in time: other suites' holds
 * in the shared database are left to run out when they do.
 */
export async function runOutHold(workers: PaymentWorkers, reference: string): Promise<void> {
  await testDb().booking.update({
    where: { reference },
    data: { holdExpiresAt: new Date(Date.now() - 1_000) },
  });
  await runWorkers(workers);
}

/** Runs the payments' worker until a round finds nothing to do. */
export async function runWorkers(workers: PaymentWorkers): Promise<void> {
  for (let round = 0; round < 20 && (await workers.runOnce()) > 0; round++);
}

export { uniquePhone };
