import { beforeAll, describe, expect, it } from 'vitest';
import { createSeva, createSlot, uniquePhone } from '../factories.ts';
import { ChaosTemple, FULL, waitUntil, type ApiProcess } from './processes.ts';

/**
 * The database becomes unreachable for a few seconds: a TCP proxy between the API process and
 * the server resets every connection and refuses new ones (the shared database server itself is
 * never touched). Requests must fail fast with 503 problem+json, /readyz must say not ready,
 * and the API must recover by itself when the database is back.
 */

const OUTAGE_MS = FULL ? 20_000 : 5_000;
/** The pool gives up on a connection after 10 s (db/client.ts); no request may wait longer. */
const FAIL_FAST_MS = 12_000;
/** After that, requests meet the closed gate (db/database-gate.ts) and answer without waiting. */
const KNOWN_OUTAGE_MS = 2_000;

const temple = ChaosTemple.forSuite({ connections: 2, databaseProxy: true });
let api: ApiProcess;

beforeAll(async () => {
  api = await temple.startApi({}, { throughProxy: true });
}, 120_000);

async function timed(path: string, init?: RequestInit) {
  const started = performance.now();
  const response = await fetch(`${api.url}${path}`, {
    ...init,
    signal: AbortSignal.timeout(30_000),
  });
  const text = await response.text();
  return {
    status: response.status,
    type: response.headers.get('content-type') ?? '',
    text,
    ms: performance.now() - started,
  };
}

function bookingRequest(slotId: number): RequestInit {
  return {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      slotId,
      devoteeName: 'Outage Devotee',
      phone: uniquePhone(),
      persons: 1,
    }),
  };
}

describe('database unreachable for a few seconds', () => {
  it('answers 503 problem+json fast, says not ready, and recovers without a restart', async () => {
    const { db, proxy } = temple;
    const slot = await createSlot(db, { sevaId: (await createSeva(db)).id, capacity: 50 });
    const today = new Date().toISOString().slice(0, 10);
    expect((await timed(`/api/v1/slots/${slot.id}`)).status).toBe(200);
    expect((await timed('/api/v1/bookings', bookingRequest(slot.id))).status).toBe(201);

    proxy.cutOff();
    const cutAt = performance.now();
    // In flight as it goes away: these wait for the pool to give up.
    const inFlight = Promise.all([
      timed('/readyz'),
      timed('/api/v1/bookings', bookingRequest(slot.id)),
      timed(`/api/v1/slots/${slot.id}`),
      timed(`/api/v1/slots?from=${today}&to=${today}`),
      timed('/api/v1/sevas'),
    ]);
    // They wait for a connection the pool cannot open, and it hands none out: within a couple
    // of seconds the API looks, finds the server away and closes the gate (db/database-gate.ts).
    // A request after that answers at once, without waiting for those to time out.
    await new Promise((r) => setTimeout(r, 3_000));
    const early = await timed('/api/v1/bookings', bookingRequest(slot.id));
    expect(early.status, early.text).toBe(503);
    expect(early.ms).toBeLessThan(KNOWN_OUTAGE_MS);
    const during = await inFlight;
    for (const r of during) {
      expect(r.status, r.text).toBe(503);
      expect(r.type).toContain('application/problem+json');
      expect(JSON.parse(r.text)).toMatchObject({ status: 503, code: 'service_unavailable' });
      expect(r.text).not.toMatch(/SELECT|INSERT|ECONN|at .*\.ts:\d+/);
      expect(r.ms).toBeLessThan(FAIL_FAST_MS);
    }
    // Once the outage is known, nobody waits for the pool any more: the gate answers at once.
    const known = await timed('/api/v1/sevas');
    expect(known.status).toBe(503);
    expect(known.ms).toBeLessThan(KNOWN_OUTAGE_MS);
    expect((await timed('/healthz')).status).toBe(200);
    // Keep asking while it is down, as clients would.
    while (performance.now() - cutAt < OUTAGE_MS) {
      expect((await timed('/readyz')).status).toBe(503);
      await new Promise((r) => setTimeout(r, 500));
    }

    proxy.restore();
    const restoredAt = performance.now();
    await waitUntil(
      async () => (await timed('/readyz')).status === 200,
      30_000,
      '/readyz to be ready again',
    );
    const recoveryMs = performance.now() - restoredAt;
    const after = await timed('/api/v1/bookings', bookingRequest(slot.id));
    expect(after.status, after.text).toBe(201);

    // Nothing a refused request tried to write is in the database.
    const state = await db.slot.findUniqueOrThrow({ where: { id: slot.id } });
    const confirmed = await db.booking.count({ where: { slotId: slot.id, status: 'confirmed' } });
    expect(state.booked).toBe(confirmed);
    expect(confirmed).toBe(2);
    console.info(
      `database cut for ${OUTAGE_MS} ms: requests in flight answered in ${during.map((r) => Math.round(r.ms)).join('/')} ms (503), one 3 s later in ${Math.round(early.ms)} ms; ready again ${Math.round(recoveryMs)} ms after it came back`,
    );
  }, 120_000);
});
