import { beforeAll, describe, expect, it } from 'vitest';
import type { AvailabilityEvent } from '@sevabook/shared';
import { createSeva, createSlot, uniquePhone } from '../factories.ts';
import { ChaosTemple, FULL, twilioEnv, waitUntil, type ApiProcess } from './processes.ts';

/**
 * Two API processes and two notifier processes on one database, under a flash sale split
 * between the two APIs: no oversell, live availability reaches stream clients of both
 * processes, and no WhatsApp message goes out twice.
 */

const CLIENTS = FULL ? 1000 : 200;
const CAPACITY = FULL ? 500 : 80;

const temple = ChaosTemple.forSuite({ connections: 3, fakeTwilio: true });
const apis: ApiProcess[] = [];

beforeAll(async () => {
  apis.push(...(await Promise.all([temple.startApi(), temple.startApi()])));
  temple.startWorker(twilioEnv(temple.twilio));
  temple.startWorker(twilioEnv(temple.twilio));
}, 120_000);

/** A Server-Sent Events client of /api/v1/availability/stream, keeping every slot event. */
function listen(url: string): {
  events: AvailabilityEvent[];
  connected: Promise<void>;
  close: () => void;
} {
  const events: AvailabilityEvent[] = [];
  const controller = new AbortController();
  let onConnected: () => void = () => undefined;
  const connected = new Promise<void>((resolve) => (onConnected = resolve));
  void (async () => {
    const response = await fetch(url, { signal: controller.signal });
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += value;
      if (buffer.includes(': connected')) onConnected();
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = block.split('\n').find((line) => line.startsWith('data: '));
        if (block.includes('event: slot') && data)
          events.push(JSON.parse(data.slice(6)) as AvailabilityEvent);
      }
    }
  })().catch(() => undefined);
  return { events, connected, close: () => controller.abort() };
}

describe('two API processes and two notifiers on one database', () => {
  it(
    'sells exactly the capacity, streams every process the changes, and sends each message once',
    async () => {
      const { db, twilio } = temple;
      const seva = await createSeva(db);
      const slot = await createSlot(db, { sevaId: seva.id, capacity: CAPACITY });
      const streams = apis.map((api) =>
        listen(`${api.url}/api/v1/availability/stream?sevaId=${seva.id}`),
      );
      await Promise.all(streams.map((s) => s.connected));
      // The feed's first poll only learns the current state; let it happen before the sale.
      await new Promise((r) => setTimeout(r, 1_000));

      const answers = await Promise.all(
        Array.from({ length: CLIENTS }, async (_, i) => {
          const response = await fetch(`${apis[i % 2]!.url}/api/v1/bookings`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({
              slotId: slot.id,
              devoteeName: 'Sale Devotee',
              phone: uniquePhone(),
              persons: 1,
            }),
          });
          return {
            status: response.status,
            body: (await response.json()) as { reference?: string; manageToken?: string },
          };
        }),
      );
      const statuses = answers.map((a) => a.status);
      expect(statuses.filter((s) => s === 201)).toHaveLength(CAPACITY);
      expect(statuses.filter((s) => s === 409)).toHaveLength(CLIENTS - CAPACITY);

      const state = await db.slot.findUniqueOrThrow({ where: { id: slot.id } });
      const confirmed = await db.booking.findMany({
        where: { slotId: slot.id, status: 'confirmed' },
      });
      expect(state.booked).toBe(CAPACITY);
      expect(confirmed).toHaveLength(CAPACITY);

      // Stream clients of both processes see the slot sell out, and never go back to an older state.
      await waitUntil(
        () => streams.every((s) => s.events.some((e) => e.slotId === slot.id && e.remaining === 0)),
        20_000,
        'both stream clients to see the slot full',
      );
      for (const stream of streams) {
        const remaining = stream.events.filter((e) => e.slotId === slot.id).map((e) => e.remaining);
        expect(remaining.length).toBeGreaterThan(0);
        expect([...remaining].sort((a, b) => b - a)).toEqual(remaining);
      }

      // Changes a poll apart reach both streams one by one, whichever process made them.
      const seen = streams.map((s) => s.events.length);
      const sold = answers.filter((a) => a.status === 201).slice(0, 3);
      for (const [i, { body }] of sold.entries()) {
        const response = await fetch(
          `${apis[i % 2]!.url}/api/v1/bookings/${body.reference}/cancel`,
          {
            method: 'POST',
            headers: { 'x-booking-token': body.manageToken! },
          },
        );
        expect(response.status).toBe(200);
        await new Promise((r) => setTimeout(r, 700));
      }
      await waitUntil(
        () => streams.every((s) => s.events.some((e) => e.slotId === slot.id && e.remaining === 3)),
        10_000,
        'both streams to see the three cancellations',
      );
      for (const [i, stream] of streams.entries()) {
        const after = stream.events
          .slice(seen[i])
          .filter((e) => e.slotId === slot.id)
          .map((e) => e.remaining);
        expect(after).toEqual([1, 2, 3]);
        stream.close();
      }

      // Two notifiers, one message per booking.
      // (three of them were cancelled above, so they also get a cancellation message)
      await waitUntil(
        () => twilio.messages.length >= CAPACITY + 3,
        120_000,
        `${CAPACITY} confirmations and 3 cancellations`,
      );
      await new Promise((r) => setTimeout(r, 1_500));
      const cancelledPhones = new Set(
        (await db.booking.findMany({ where: { slotId: slot.id, status: 'cancelled' } })).map(
          (b) => b.phone,
        ),
      );
      for (const booking of confirmed) {
        expect(twilio.messagesTo(booking.phone)).toHaveLength(
          cancelledPhones.has(booking.phone) ? 2 : 1,
        );
      }
      expect(twilio.messages).toHaveLength(CAPACITY + 3);
      console.info(
        `two APIs + two notifiers: ${CLIENTS} clients, ${CAPACITY} sold, booked ${state.booked}; stream events seen ` +
          `${streams.map((s) => s.events.length).join(' and ')}; ${twilio.messages.length} messages (${CAPACITY} confirmations, 3 cancellations), none twice`,
      );
    },
    FULL ? 600_000 : 240_000,
  );
});
