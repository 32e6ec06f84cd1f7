/**
 * Flash sale with online payment: N devotees ask at the same moment for the C places of one slot
 * of a seva paid online. C get a held place (pending_payment, with a Razorpay order), the rest
 * slot_full. P of the holders pay (on a fake Razorpay, then the API's verify route); the others
 * never do, and the API's worker releases their places when the hold runs out
 * (PAYMENT_HOLD_SECONDS: its shortest, a minute). A second wave of devotees watching the booking
 * page takes the released places and pays for them. Meanwhile a sampler in a process of its own
 * reads the slot's `booked` and the persons of the bookings holding places back to back; the
 * bench fails if either is ever above capacity, or if the end state is not C confirmed, C − P
 * expired, booked = capacity and one confirmation per confirmed booking, handed to (fake) Twilio.
 *
 * The scenario's figures come with the plain flash sale's (flash-sale.ts, 1 slot), run in the
 * same process, beside those recorded in bench/README.md.
 *
 *   pnpm bench payments
 *   pnpm --filter @sevabook/bench exec tsx payment-sale.ts [--clients 1000] [--capacity 500]
 *     [--paid 400] [--hold-seconds 60] [--resale-clients 200] [--warmups 0] [--plain-runs 3]
 *     [--plain-from-results]
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { FakeRazorpay } from '@sevabook/api/testing/fake-razorpay';
import { FakeTwilio } from '@sevabook/api/testing/fake-twilio';
import { runFlashSale } from './flash-sale.ts';
import {
  argValue,
  isMain,
  percentile,
  repoRoot,
  round,
  scratchDatabase,
  startApi,
  writeResults,
  type RunningApi,
} from './harness.ts';
import { startCapacitySampler, type SamplerSummary } from './capacity-sampler.ts';
import {
  answers,
  devotees,
  epochNow,
  hold,
  openConnections,
  payAndVerify,
  resale,
  type Hold,
  type HoldAttempt,
  type Verification,
} from './payment-clients.ts';
import { makeOnlineSlot, readEndState, waitForConfirmationsSent } from './payment-sale-state.ts';
import { printPlainSaleComparison, type PlainSaleFigures } from './plain-sale-baseline.ts';
import { printPaymentSale } from './payment-sale-report.ts';
import type { Pool } from 'mariadb';

export interface PaymentSaleOptions {
  clients: number;
  capacity: number;
  /** How many of the holders pay; the rest let their hold run out. */
  paid: number;
  holdSeconds: number;
  /** Devotees of the second wave, after the released places. */
  resaleClients: number;
  /** How long after the last hold's end the second wave waits for every released place. */
  resaleWaitSeconds: number;
  /** Whole sales (every hold paid) on slots of their own before the measured one. */
  warmups: number;
  feePaise: number;
}

const ms = (values: number[], p: number) =>
  round(
    percentile(
      values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b),
      p,
    ),
    0,
  );

/** Everyone asks for a place at once. */
async function firstWave(api: RunningApi, slotId: number, o: PaymentSaleOptions) {
  const agent = await openConnections(api.url, slotId, o.clients);
  const startedAt = epochNow();
  const attempts = await Promise.all(
    devotees(o.clients).map((devotee) => hold(agent, api.url, slotId, devotee)),
  );
  return { agent, startedAt, attempts };
}

/** A whole sale with every hold paid, on a slot of its own: warms the API's code up. */
async function warmUp(api: RunningApi, pool: Pool, razorpay: FakeRazorpay, o: PaymentSaleOptions) {
  const slotId = await makeOnlineSlot(pool, o.capacity, o.feePaise);
  const { agent, attempts } = await firstWave(api, slotId, o);
  const holds = attempts.flatMap((a) => (a.hold ? [a.hold] : []));
  await Promise.all(holds.map((h) => payAndVerify(agent, api.url, razorpay, h)));
  await agent.close();
  await waitForConfirmationsSent(pool, slotId, 60_000);
}

export type PaymentSaleFigures = Awaited<ReturnType<typeof runPaymentSale>>['figures'];

export async function runPaymentSale(o: PaymentSaleOptions) {
  console.log(
    `\nFlash sale with online payment: ${o.clients} clients on ${o.capacity} places, ` +
      `${o.paid} pay and ${o.capacity - o.paid} let the hold of ${o.holdSeconds} s run out; ` +
      `${o.resaleClients} more then buy what is released; ${o.warmups} warm-up sale(s) first`,
  );
  const razorpay = await new FakeRazorpay().start();
  const twilio = await new FakeTwilio().start();
  const db = await scratchDatabase();
  const api = await startApi(db.url, {
    RAZORPAY_KEY_ID: razorpay.keyId,
    RAZORPAY_KEY_SECRET: razorpay.keySecret,
    RAZORPAY_WEBHOOK_SECRET: razorpay.webhookSecret,
    RAZORPAY_API_BASE: razorpay.url,
    PAYMENT_HOLD_SECONDS: String(o.holdSeconds),
    TWILIO_ACCOUNT_SID: twilio.accountSid,
    TWILIO_AUTH_TOKEN: twilio.authToken,
    TWILIO_WHATSAPP_FROM: '+14155238886',
    TWILIO_API_BASE: twilio.url,
    // The worker that sends messages and releases expired holds runs in the API process.
    NOTIFIER: 'inline',
    NOTIFIER_RATE_PER_SEC: '1000',
  });
  const failures: string[] = [];
  const check = (ok: boolean, what: string) => {
    if (!ok) failures.push(what);
  };
  try {
    for (let i = 0; i < o.warmups; i++) await warmUp(api, db.pool, razorpay, o);
    const messagesBefore = twilio.messages.length;
    const slotId = await makeOnlineSlot(db.pool, o.capacity, o.feePaise);
    const sampler = await startCapacitySampler(db.url, slotId);
    let samples: SamplerSummary | undefined;
    try {
      // 1. The sale: every devotee asks for a place at once.
      const { agent, startedAt, attempts } = await firstWave(api, slotId, o);
      const held = attempts.filter((a): a is HoldAttempt & { hold: Hold } => !!a.hold);
      const full = attempts.filter((a) => a.status === 409 && a.code === 'slot_full');
      check(held.length === o.capacity, `${held.length} holds, expected ${o.capacity}`);
      check(
        held.every((a) => a.hold.bookingStatus === 'pending_payment'),
        'a hold was not pending_payment',
      );
      check(full.length === o.clients - o.capacity, `${full.length} slot_full`);
      const lastHoldAt = Math.max(...held.map((a) => a.answeredAt));

      // 2. P of them pay at once; the others never do.
      const payers = held.slice(0, o.paid).map((a) => a.hold);
      const abandoned = held.slice(o.paid).map((a) => a.hold);
      const verified = await Promise.all(
        payers.map((h) => payAndVerify(agent, api.url, razorpay, h)),
      );
      const confirmedByVerify = verified.filter(
        (v) => v.status === 200 && v.bookingStatus === 'confirmed',
      );
      check(confirmedByVerify.length === o.paid, `${confirmedByVerify.length} verified`);
      const late = verified.filter((v) => v.answeredAt > v.hold.expiresAt).length;
      console.log(`Holds: ${answers(attempts)}. Verify: ${answers(verified)}.`);

      // 3. The second wave waits on the booking page for the released places, then pays.
      const wave = devotees(o.resaleClients, o.clients);
      const lastExpiry = Math.max(...abandoned.map((h) => h.expiresAt));
      const firstExpiry = Math.min(...abandoned.map((h) => h.expiresAt));
      // They open the booking page shortly before the holds end, so their connections are fresh.
      await new Promise((r) => setTimeout(r, Math.max(0, firstExpiry - 3_000 - epochNow())));
      const resaleAgent = await openConnections(api.url, slotId, o.resaleClients);
      const resold = await resale(
        resaleAgent,
        api.url,
        slotId,
        wave,
        abandoned.length,
        lastExpiry + o.resaleWaitSeconds * 1000,
      );
      console.log(`Second wave: ${answers(resold.attempts)}.`);
      const resoldHolds = resold.attempts.filter(
        (a): a is HoldAttempt & { hold: Hold } => !!a.hold,
      );
      check(resoldHolds.length === abandoned.length, `${resoldHolds.length} places resold`);
      const resoldAt = Math.max(...resoldHolds.map((a) => a.answeredAt));
      const resalePaid = await Promise.all(
        resoldHolds.map((a) => payAndVerify(resaleAgent, api.url, razorpay, a.hold)),
      );
      check(
        resalePaid.every((v) => v.status === 200 && v.bookingStatus === 'confirmed'),
        'a resold place was not confirmed by its payment',
      );
      await Promise.all([agent.close(), resaleAgent.close()]);

      // 4. The end state, once every confirmation has gone out.
      await waitForConfirmationsSent(db.pool, slotId, 60_000);
      samples = await sampler.stop();
      const end = await readEndState(db.pool, slotId);
      const messages = twilio.messages.slice(messagesBefore);
      const perPhone = new Map<string, number>();
      for (const m of messages) perPhone.set(m.to, (perPhone.get(m.to) ?? 0) + 1);
      const paidPhones = [
        ...held.slice(0, o.paid).map((a) => a.devotee.phone),
        ...resoldHolds.map((a) => a.devotee.phone),
      ];
      const messagedOnce = paidPhones.filter((p) => perPhone.get(`whatsapp:${p}`) === 1).length;
      check(end.byStatus.confirmed === o.capacity, `${end.byStatus.confirmed} confirmed`);
      check(
        end.byStatus.expired === o.capacity - o.paid,
        `${end.byStatus.expired ?? 0} expired, expected ${o.capacity - o.paid}`,
      );
      check(!end.byStatus.pending_payment, `${end.byStatus.pending_payment} still pending`);
      check(end.booked === end.capacity, `booked ${end.booked} of ${end.capacity}`);
      check(end.confirmedWithoutOneConfirmation === 0, 'a confirmed booking without one message');
      check(end.unconfirmedWithConfirmation === 0, 'a confirmation for an unconfirmed booking');
      check(end.confirmationsNotSent === 0, `${end.confirmationsNotSent} confirmations unsent`);
      check(messagedOnce === paidPhones.length, `${messagedOnce} paying devotees messaged once`);
      check(end.receipts === o.capacity, `${end.receipts} receipts for ${o.capacity} payments`);
      check(samples.overCapacity === 0, `above capacity in ${samples.overCapacity} reads`);
      check(
        samples.bookedNotLive === 0,
        `booked ≠ live bookings in ${samples.bookedNotLive} reads`,
      );

      const verifyMs = verified.map((v) => v.ms);
      // From the end of each unpaid hold (as its 201 gave it) to the worker expiring it.
      const releaseLags = abandoned.map(
        (h) => (end.expiredAt.get(h.reference) ?? NaN) - h.expiresAt,
      );
      const span = (vs: Verification[]) =>
        (Math.max(...vs.map((v) => v.answeredAt)) - Math.min(...vs.map((v) => v.sentAt))) / 1000;
      const figures = {
        holds: held.length,
        holdsWithoutOrder: held.filter((a) => !a.hold.orderId).length,
        slotFull: full.length,
        holdsPerSec: round(held.length / ((lastHoldAt - startedAt) / 1000), 0),
        holdP50Ms: ms(
          held.map((a) => a.ms),
          50,
        ),
        holdP95Ms: ms(
          held.map((a) => a.ms),
          95,
        ),
        slotFullP95Ms: ms(
          full.map((a) => a.ms),
          95,
        ),
        verifyP50Ms: ms(verifyMs, 50),
        verifyP95Ms: ms(verifyMs, 95),
        confirmationsPerSec: round(confirmedByVerify.length / span(verified), 0),
        verifiesAfterHoldEnd: late,
        releaseLagP50Ms: ms(releaseLags, 50),
        releaseLagMaxMs: ms(releaseLags, 100),
        expiryToFirstSeenFreeMs: round((resold.firstSeenFreeAt ?? NaN) - firstExpiry, 0),
        expiryToAllResoldMs: round(resoldAt - lastExpiry, 0),
        resaleAttempts: resold.attempts.length,
        confirmed: end.byStatus.confirmed ?? 0,
        expired: end.byStatus.expired ?? 0,
        booked: end.booked,
        receipts: end.receipts,
        messagesToPayers: paidPhones.reduce((n, p) => n + (perPhone.get(`whatsapp:${p}`) ?? 0), 0),
      };
      const answered = {
        holds: answers(attempts),
        verify: answers(verified),
        resale: answers(resold.attempts),
        resaleVerify: answers(resalePaid),
      };
      return { figures, answered, samples, failures };
    } finally {
      if (!samples) await sampler.stop().catch(() => undefined);
    }
  } finally {
    await api.stop();
    await Promise.all([razorpay.close(), twilio.close()]);
    await db.drop();
  }
}

/** The plain flash sale's results as written by flash-sale.ts earlier in the same `pnpm bench`. */
function plainSaleFromResults(): PlainSaleFigures {
  const file = resolve(repoRoot, 'bench/results/flash-sale-1-slot-1-process.json');
  if (!existsSync(file)) throw new Error(`${file} is missing: run flash-sale.ts first`);
  return JSON.parse(readFileSync(file, 'utf8')) as PlainSaleFigures;
}

async function main() {
  const options: PaymentSaleOptions = {
    clients: argValue('clients', 1000),
    capacity: argValue('capacity', 500),
    paid: argValue('paid', 400),
    // The API's shortest hold (PAYMENT_HOLD_SECONDS is at least 60).
    holdSeconds: argValue('hold-seconds', 60),
    resaleClients: argValue('resale-clients', 200),
    resaleWaitSeconds: argValue('resale-wait-seconds', 120),
    warmups: argValue('warmups', 0),
    feePaise: argValue('fee-paise', 10_100),
  };
  const { figures, answered, samples, failures } = await runPaymentSale(options);
  printPaymentSale(figures, samples, failures, options);
  if (failures.length > 0) process.exitCode = 1;
  const results = { at: new Date().toISOString(), options, figures, answered, samples, failures };
  if (process.argv.includes('--skip-plain')) {
    console.log(`Wrote ${writeResults('payment-sale', results)}`);
    return;
  }

  // The plain flash sale, in the same run, beside the figures recorded before payments.
  const plain = process.argv.includes('--plain-from-results')
    ? plainSaleFromResults()
    : await runFlashSale({
        clients: 1000,
        capacity: 500,
        runs: argValue('plain-runs', 3),
        warmups: 4,
        slots: 1,
        processes: 1,
      });
  printPlainSaleComparison(plain, `this run, ${new Date().toISOString().slice(0, 10)}`);
  const file = writeResults('payment-sale', {
    ...results,
    plainSale: { medians: plain.medians, ratio: plain.ratio, ratioToSingle: plain.ratioToSingle },
  });
  console.log(`Wrote ${file}`);
}

if (isMain(import.meta.url)) await main();
