import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AvailabilityEvent } from '@sevabook/shared';
import { buildApp } from '../../src/app.ts';
import { buildTestApp, testConfig } from '../app.ts';
import { openTestDatabase, testDatabaseUrl, testDb } from '../db.ts';
import { createSeva, createSlot, uniquePhone } from '../factories.ts';

let listening: FastifyInstance;
/** A second app on its own connection pool: stands in for another API process. */
let other: FastifyInstance;
let baseUrl: string;
const db = testDb();

beforeAll(async () => {
  listening = await buildTestApp();
  baseUrl = await listening.listen({ host: '127.0.0.1', port: 0 });
  other = await buildApp(testConfig(), {
    database: openTestDatabase(testDatabaseUrl(), 2),
    logger: false,
  });
});
afterAll(async () => {
  await listening.close();
  await other.database.close();
  await other.close();
});

/** Opens the stream and collects `slot` events until `until` is satisfied or time runs out. */
async function collect(
  url: string,
  until: (events: AvailabilityEvent[]) => boolean,
  act: () => Promise<unknown>,
) {
  const controller = new AbortController();
  const response = await fetch(url, {
    signal: controller.signal,
    headers: { accept: 'text/event-stream' },
  });
  expect(response.headers.get('content-type')).toContain('text/event-stream');
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  const events: AvailabilityEvent[] = [];
  let buffer = '';
  const deadline = setTimeout(() => controller.abort(), 8_000);
  // Wait for the stream's first bytes, then let the feed take its starting point.
  buffer += (await reader.read()).value ?? '';
  await new Promise((r) => setTimeout(r, 600));
  await act();
  try {
    while (!until(events)) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value;
      const frames = buffer.split('\n\n');
      buffer = frames.pop() ?? '';
      for (const frame of frames) {
        const data = frame.split('\n').find((l) => l.startsWith('data: '));
        if (frame.includes('event: slot') && data)
          events.push(JSON.parse(data.slice(6)) as AvailabilityEvent);
      }
    }
  } catch {
    // aborted by the deadline: the assertions below say what was missing
  } finally {
    clearTimeout(deadline);
    controller.abort();
  }
  return events;
}

describe('GET /api/v1/availability/stream', () => {
  it('tells a connected client when a booking, made by another API process, takes a place', async () => {
    const seva = await createSeva(db);
    const slot = await createSlot(db, { sevaId: seva.id, capacity: 4 });

    const events = await collect(
      `${baseUrl}/api/v1/availability/stream?sevaId=${seva.id}`,
      (evs) => evs.some((e) => e.slotId === slot.id && e.remaining === 2),
      () =>
        other.inject({
          method: 'POST',
          url: '/api/v1/bookings',
          payload: { slotId: slot.id, devoteeName: 'Ganesh K', phone: uniquePhone(), persons: 2 },
        }),
    );

    expect(events).toContainEqual({
      slotId: slot.id,
      sevaId: seva.id,
      capacity: 4,
      booked: 2,
      remaining: 2,
      status: 'open',
    });
  });

  it("sends only the asked seva's changes", async () => {
    const watched = await createSeva(db);
    const otherSeva = await createSeva(db);
    const watchedSlot = await createSlot(db, { sevaId: watched.id, capacity: 3 });
    const otherSlot = await createSlot(db, { sevaId: otherSeva.id, capacity: 3 });

    const events = await collect(
      `${baseUrl}/api/v1/availability/stream?sevaId=${watched.id}`,
      (evs) => evs.some((e) => e.slotId === watchedSlot.id && e.status === 'closed'),
      async () => {
        await db.slot.update({ where: { id: otherSlot.id }, data: { status: 'closed' } });
        await db.slot.update({ where: { id: watchedSlot.id }, data: { status: 'closed' } });
      },
    );

    expect(events.length).toBeGreaterThan(0);
    expect(events.every((e) => e.sevaId === watched.id)).toBe(true);
    expect(events.at(-1)).toMatchObject({ slotId: watchedSlot.id, status: 'closed' });
  });
});
