import { randomBytes } from 'node:crypto';
import { createConnection } from 'node:net';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AvailabilityEvent } from '@sevabook/shared';
import { createSeva, createSlot, uniquePhone } from '../factories.ts';
import { ChaosTemple, waitUntil, type ApiProcess } from './processes.ts';

/**
 * With REDIS_URL, API instances share their rate-limit counters and one availability poller;
 * with Redis unreachable, an instance still serves (its own counters, its own polling).
 */

const REDIS_URL = 'redis://127.0.0.1:6379';
const redisUp = await new Promise<boolean>((resolve) => {
  const socket = createConnection({ host: '127.0.0.1', port: 6379 });
  socket.once('connect', () => (socket.destroy(), resolve(true)));
  socket.once('error', () => resolve(false));
});
const LIMIT = 10;
const prefix = `sevabook-test-${randomBytes(4).toString('hex')}:`;

function listen(url: string) {
  const events: AvailabilityEvent[] = [];
  const controller = new AbortController();
  void (async () => {
    const response = await fetch(url, { signal: controller.signal });
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      for (const match of value.matchAll(/event: slot\ndata: (.*)\n/g))
        events.push(JSON.parse(match[1]!) as AvailabilityEvent);
    }
  })().catch(() => undefined);
  return { events, close: () => controller.abort() };
}

function book(api: ApiProcess, slotId: number) {
  return fetch(`${api.url}/api/v1/bookings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      slotId,
      devoteeName: 'Redis Devotee',
      phone: uniquePhone(),
      persons: 1,
    }),
  });
}

describe.skipIf(!redisUp)('Redis for several API instances (REDIS_URL)', () => {
  // NOTE: registered before the temple's hooks so that it runs after them, once the instances
  // that write these keys have stopped.
  afterAll(async () => {
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  });
  const temple = ChaosTemple.forSuite({ connections: 2 });
  const apis: ApiProcess[] = [];
  let withoutRedis: ApiProcess;

  beforeAll(async () => {
    const env = { REDIS_URL, REDIS_KEY_PREFIX: prefix, RATE_LIMIT_PER_IP_PER_MIN: String(LIMIT) };
    apis.push(...(await Promise.all([temple.startApi(env), temple.startApi(env)])));
    // Nothing listens on port 1: Redis unreachable from the start.
    withoutRedis = await temple.startApi({
      REDIS_URL: 'redis://127.0.0.1:1',
      REDIS_KEY_PREFIX: prefix,
    });
  }, 120_000);

  it('fans one poller’s changes out to every instance and shares the rate-limit counters', async () => {
    const { db } = temple;
    const seva = await createSeva(db);
    const slot = await createSlot(db, { sevaId: seva.id, capacity: 10 });
    const streams = apis.map((api) =>
      listen(`${api.url}/api/v1/availability/stream?sevaId=${seva.id}`),
    );
    await new Promise((r) => setTimeout(r, 2_500));
    expect((await book(apis[0]!, slot.id)).status).toBe(201);
    await waitUntil(
      () => streams.every((s) => s.events.some((e) => e.slotId === slot.id && e.remaining === 9)),
      10_000,
      'both instances to stream the booking',
    );
    const redis = new Redis(REDIS_URL);
    // One instance holds the poller's lease; the other only listens.
    expect(await redis.get(`${prefix}availability:poller`)).toBeTruthy();
    redis.disconnect();
    streams.forEach((s) => s.close());

    // 3 requests so far (two streams, one booking), split over both instances; 10 more,
    // alternating: with shared counters the last 3 are refused, with per-process ones none.
    const statuses = [];
    for (let i = 0; i < 10; i++)
      statuses.push((await fetch(`${apis[i % 2]!.url}/api/v1/sevas`)).status);
    expect(statuses.filter((s) => s === 429)).toHaveLength(3);
    expect(statuses.slice(0, 7).every((s) => s === 200)).toBe(true);
  }, 60_000);

  it('keeps serving with Redis unreachable: streams from the database, bookings as usual', async () => {
    const { db } = temple;
    const seva = await createSeva(db);
    const slot = await createSlot(db, { sevaId: seva.id, capacity: 5 });
    const stream = listen(`${withoutRedis.url}/api/v1/availability/stream?sevaId=${seva.id}`);
    await new Promise((r) => setTimeout(r, 2_000));
    expect((await book(withoutRedis, slot.id)).status).toBe(201);
    await waitUntil(
      () => stream.events.some((e) => e.slotId === slot.id && e.remaining === 4),
      10_000,
      'the fallback stream',
    );
    stream.close();
  }, 60_000);
});
