import { beforeAll, describe, expect, it } from 'vitest';
import { createSeva, createSlot, uniquePhone } from '../factories.ts';
import { ChaosTemple, FULL, twilioEnv, waitUntil, type ApiProcess } from './processes.ts';

/**
 * The API process is killed with SIGKILL in the middle of a burst of bookings, five times, and
 * started again each time. What the clients were told must match the database, and every
 * confirmed booking must get exactly one WhatsApp confirmation in the end.
 */

const KILLS = 5;
const BURST = FULL ? 300 : 80;
const SLOTS = 4;
const CAPACITY = FULL ? 400 : 120;

const temple = ChaosTemple.forSuite({ connections: 3, fakeTwilio: true });
let api: ApiProcess;

beforeAll(async () => {
  api = await temple.startApi({ ...twilioEnv(temple.twilio), NOTIFIER: 'inline' });
}, 120_000);

interface Sent {
  phone: string;
  status: number | 'no answer';
  reference?: string;
}

async function book(slotId: number, phone: string): Promise<Sent> {
  try {
    const response = await fetch(`${api.url}/api/v1/bookings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        slotId,
        devoteeName: 'Chaos Devotee',
        phone,
        persons: 1 + (phone.charCodeAt(12) % 2),
      }),
      signal: AbortSignal.timeout(20_000),
    });
    const body = (await response.json()) as { reference?: string };
    return {
      phone,
      status: response.status,
      ...(body.reference ? { reference: body.reference } : {}),
    };
  } catch {
    return { phone, status: 'no answer' };
  }
}

describe('kill -9 of the API in the middle of a booking burst', () => {
  it(
    'keeps every 201 in the database, booked equal to confirmed persons, and sends each confirmation once',
    async () => {
      const { db, twilio } = temple;
      const seva = await createSeva(db, { maxPersonsPerBooking: 2 });
      const slots = await Promise.all(
        Array.from({ length: SLOTS }, () =>
          createSlot(db, { sevaId: seva.id, capacity: CAPACITY }),
        ),
      );
      const sent: Sent[] = [];

      for (let round = 0; round < KILLS; round++) {
        let answeredInRound = 0;
        const burst = Promise.all(
          Array.from({ length: BURST }, (_, i) =>
            book(slots[i % SLOTS]!.id, uniquePhone()).then((s) => {
              if (s.status === 201) answeredInRound++;
              return s;
            }),
          ),
        );
        // Kill while requests are in flight: once the first bookings are answered (however slow
        // the machine), some are answered, some mid-transaction, some still queued.
        await waitUntil(
          () => answeredInRound >= 3,
          20_000,
          'the first bookings of the burst',
        ).catch(() => undefined);
        await new Promise((r) => setTimeout(r, 20 + round * 30));
        await api.kill9();
        sent.push(...(await burst));
        await api.restart();
      }

      const created = sent.filter((s) => s.status === 201);
      expect(created.length).toBeGreaterThan(0);
      // Anything but a clear answer or a cut connection is a defect.
      for (const s of sent) expect([201, 409, 'no answer']).toContain(s.status);

      const slotIds = slots.map((s) => s.id);
      const bookings = await db.booking.findMany({ where: { slotId: { in: slotIds } } });
      const byReference = new Map(bookings.map((b) => [b.reference, b]));
      // Every 201 a client received is a confirmed booking in the database.
      for (const s of created) {
        expect(byReference.get(s.reference!)?.status).toBe('confirmed');
        expect(byReference.get(s.reference!)?.phone).toBe(s.phone);
      }
      // No phone (one per request) holds two bookings: nothing was made twice.
      const phones = bookings.map((b) => b.phone);
      expect(new Set(phones).size).toBe(phones.length);
      // booked is the sum of confirmed persons, slot by slot.
      for (const slot of await db.slot.findMany({ where: { id: { in: slotIds } } })) {
        const persons = bookings
          .filter((b) => b.slotId === slot.id && b.status === 'confirmed')
          .reduce((sum, b) => sum + b.persons, 0);
        expect(slot.booked).toBe(persons);
        expect(slot.booked).toBeLessThanOrEqual(slot.capacity);
      }

      // After the last restart, every confirmed booking gets exactly one confirmation.
      const confirmed = bookings.filter((b) => b.status === 'confirmed');
      await waitUntil(
        () => confirmed.every((b) => twilio.messagesTo(b.phone).length >= 1),
        90_000,
        `confirmations for ${confirmed.length} bookings`,
      );
      await new Promise((r) => setTimeout(r, 1_000));
      for (const b of confirmed) expect(twilio.messagesTo(b.phone)).toHaveLength(1);
      console.info(
        `kill -9 ×${KILLS}: ${sent.length} requests, ${created.length} × 201, ${sent.filter((s) => s.status === 409).length} × 409, ` +
          `${sent.filter((s) => s.status === 'no answer').length} cut off; ${confirmed.length} confirmed in the database, ` +
          `${twilio.messages.length} messages sent`,
      );
    },
    FULL ? 600_000 : 300_000,
  );
});
