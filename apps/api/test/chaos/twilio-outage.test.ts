import { beforeAll, describe, expect, it } from 'vitest';
import { createSeva, createSlot, uniquePhone } from '../factories.ts';
import { ChaosTemple, FULL, twilioEnv, waitUntil, type ApiProcess } from './processes.ts';

/**
 * Twilio misbehaves for a while (500s, then 429 with Retry-After, then requests that time out,
 * some of which Twilio had in fact accepted) while devotees keep booking. Once it is back,
 * every confirmation is delivered within the backoff bounds, and none twice.
 */

const OUTAGE_MS = FULL ? 60_000 : 9_000;
const BOOKINGS = FULL ? 120 : 30;
/** Backoff max 2 s, lease 3 s, send timeout 1 s (twilioEnv): everything due again well within this. */
const DELIVERY_BOUND_MS = 20_000;

const temple = ChaosTemple.forSuite({ connections: 2, fakeTwilio: true });
let api: ApiProcess;

beforeAll(async () => {
  api = await temple.startApi({ ...twilioEnv(temple.twilio), NOTIFIER: 'inline' });
}, 120_000);

describe('fake Twilio failing for a while', () => {
  it(
    'delivers every confirmation after recovery, within the backoff bounds, each once',
    async () => {
      const { db, twilio } = temple;
      const slot = await createSlot(db, { sevaId: (await createSeva(db)).id, capacity: BOOKINGS });
      const phones: string[] = [];
      const bookOne = async () => {
        const phone = uniquePhone();
        const response = await fetch(`${api.url}/api/v1/bookings`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            slotId: slot.id,
            devoteeName: 'Patient Devotee',
            phone,
            persons: 1,
          }),
        });
        expect(response.status).toBe(201);
        phones.push(phone);
      };

      const third = OUTAGE_MS / 3;
      const pace = OUTAGE_MS / BOOKINGS;
      const bookings = (async () => {
        for (let i = 0; i < BOOKINGS; i++) {
          await bookOne();
          await new Promise((r) => setTimeout(r, pace));
        }
      })();
      twilio.goDown({ status: 500, code: 20500, message: 'Internal Server Error' });
      await new Promise((r) => setTimeout(r, third));
      twilio.goDown({ status: 429, code: 20429, message: 'Too Many Requests', retryAfter: 2 });
      await new Promise((r) => setTimeout(r, third));
      // Then requests time out: some never reached Twilio, some it took without answering.
      twilio.recover();
      const recoveredAt = performance.now();
      twilio.next(
        { kind: 'hang' },
        { kind: 'accept-and-hang' },
        { kind: 'hang' },
        { kind: 'accept-and-hang' },
        { kind: 'hang' },
        { kind: 'accept-and-hang' },
      );
      await bookings;
      const refusedDuringOutage = twilio.attempts.filter((a) => a.outcome !== 'accepted').length;

      await waitUntil(
        () => phones.every((p) => twilio.messagesTo(p).length >= 1),
        DELIVERY_BOUND_MS,
        `all ${BOOKINGS} confirmations after recovery`,
      );
      const deliveredInMs = performance.now() - recoveredAt;
      await new Promise((r) => setTimeout(r, 2_000));
      for (const phone of phones) expect(twilio.messagesTo(phone)).toHaveLength(1);

      const rows = await db.notification.findMany({
        where: { booking: { slotId: slot.id }, kind: 'confirmation' },
      });
      expect(rows).toHaveLength(BOOKINGS);
      for (const row of rows) expect(['sent', 'delivered', 'read']).toContain(row.status);
      console.info(
        `Twilio failing for ${OUTAGE_MS} ms (500, 429 Retry-After, timeouts): ${refusedDuringOutage} refused or unanswered attempts; ` +
          `all ${BOOKINGS} confirmations delivered by ${Math.round(deliveredInMs)} ms after the 500s and 429s stopped, none twice`,
      );
    },
    FULL ? 300_000 : 120_000,
  );
});
