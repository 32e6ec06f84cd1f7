/**
 * Flash sale: N devotees (one connection each, keep-alive, no pipelining) book one slot of
 * capacity C through the running API at the same moment. Next to it, in the same run, the same
 * transaction shape driven straight through the mariadb driver at the same concurrency: the
 * database's own ceiling on this machine.
 *
 *   pnpm --filter @sevabook/bench exec tsx flash-sale.ts [--clients 1000] [--capacity 500] [--runs 3] [--slots 1]
 */
import { randomBytes, randomInt } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Agent, request } from 'undici';
import type { Pool } from 'mariadb';
import {
  argValue,
  median,
  percentile,
  printTable,
  round,
  scratchDatabase,
  startApi,
  writeResults,
} from './harness.ts';

const clients = argValue('clients', 1000);
const capacity = argValue('capacity', 500);
const runs = argValue('runs', 3);
const slotCount = argValue('slots', 1);
const apiPoolSize = 20;

interface Outcome {
  status: number;
  ms: number;
  endedAt: number;
}

interface RunFigures {
  confirmed: number;
  confirmedPerSec: number;
  sellOutMs: number;
  p50_201: number;
  p95_201: number;
  p99_201: number;
  p50_409: number;
  p95_409: number;
  p99_409: number;
  errors5xx: number;
  failures: number;
  booked: number;
  oversold: number;
}

async function makeSlots(pool: Pool): Promise<number[]> {
  const suffix = randomBytes(4).toString('hex');
  const seva = await pool.query(
    `INSERT INTO seva (slug, name_en, name_kn, description_en, description_kn, duration_minutes, fee_paise,
       default_capacity, max_persons_per_booking, booking_opens_days_ahead, booking_closes_minutes_before)
     VALUES (?, 'Flash Sale Seva', 'ಸೇವೆ', '', '', 30, 0, ?, 1, 365, 0)`,
    [`flash-${suffix}`, capacity],
  );
  const ids: number[] = [];
  for (let i = 0; i < slotCount; i++) {
    const startsAt = new Date(Date.now() + 2 * 86_400_000 + i * 3_600_000 + randomInt(1000) * 60_000);
    const slot = await pool.query('INSERT INTO slot (seva_id, starts_at, capacity) VALUES (?, ?, ?)', [
      Number(seva.insertId),
      startsAt,
      Math.ceil(capacity / slotCount),
    ]);
    ids.push(Number(slot.insertId));
  }
  return ids;
}

function phone(): string {
  return `+919${String(randomInt(0, 1_000_000_000)).padStart(9, '0')}`;
}

function figures(outcomes: Outcome[], startedAt: number, booked: number, cap: number): RunFigures {
  const ok = outcomes.filter((o) => o.status === 201 || o.status === 1);
  const full = outcomes.filter((o) => o.status === 409 || o.status === 0);
  const okMs = ok.map((o) => o.ms).sort((a, b) => a - b);
  const fullMs = full.map((o) => o.ms).sort((a, b) => a - b);
  const sellOutMs = Math.max(...ok.map((o) => o.endedAt)) - startedAt;
  return {
    confirmed: ok.length,
    confirmedPerSec: round(ok.length / (sellOutMs / 1000), 0),
    sellOutMs: round(sellOutMs, 0),
    p50_201: round(percentile(okMs, 50)),
    p95_201: round(percentile(okMs, 95)),
    p99_201: round(percentile(okMs, 99)),
    p50_409: round(percentile(fullMs, 50)),
    p95_409: round(percentile(fullMs, 95)),
    p99_409: round(percentile(fullMs, 99)),
    errors5xx: outcomes.filter((o) => o.status >= 500).length,
    failures: outcomes.filter((o) => o.status === -1).length,
    booked,
    oversold: Math.max(0, booked - cap),
  };
}

async function throughApi(apiUrl: string, pool: Pool): Promise<RunFigures> {
  const slotIds = await makeSlots(pool);
  const agent = new Agent({ connections: clients, pipelining: 1, keepAliveTimeout: 30_000 });
  // Open every client's connection first, as devotees already on the page would have.
  await Promise.all(
    Array.from({ length: clients }, () => request(`${apiUrl}/healthz`, { dispatcher: agent }).then((r) => r.body.dump())),
  );
  const startedAt = performance.now();
  const outcomes = await Promise.all(
    Array.from({ length: clients }, async (_, i): Promise<Outcome> => {
      const t0 = performance.now();
      try {
        const response = await request(`${apiUrl}/api/v1/bookings`, {
          method: 'POST',
          dispatcher: agent,
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            slotId: slotIds[i % slotIds.length],
            devoteeName: `Devotee ${i}`,
            phone: phone(),
            persons: 1,
          }),
        });
        await response.body.dump();
        const t1 = performance.now();
        return { status: response.statusCode, ms: t1 - t0, endedAt: t1 };
      } catch {
        const t1 = performance.now();
        return { status: -1, ms: t1 - t0, endedAt: t1 };
      }
    }),
  );
  await agent.close();
  const [row] = await pool.query<{ booked: number }[]>(
    `SELECT CAST(SUM(booked) AS SIGNED) AS booked FROM slot WHERE id IN (${slotIds.join(',')})`,
  );
  const [confirmed] = await pool.query<{ n: number }[]>(
    `SELECT COUNT(*) AS n FROM booking WHERE status = 'confirmed' AND slot_id IN (${slotIds.join(',')})`,
  );
  const result = figures(outcomes, startedAt, Number(row?.booked), capacity);
  if (Number(confirmed?.n) !== result.confirmed) {
    throw new Error(`Clients got ${result.confirmed} × 201 but the database has ${String(confirmed?.n)} bookings`);
  }
  return result;
}

/** The API's transaction, statement for statement, with nothing between it and the driver. */
async function throughDriver(pool: Pool): Promise<RunFigures> {
  const slotIds = await makeSlots(pool);
  const startedAt = performance.now();
  const outcomes = await Promise.all(
    Array.from({ length: clients }, async (_, i): Promise<Outcome> => {
      const t0 = performance.now();
      const conn = await pool.getConnection();
      let status = 1;
      try {
        await conn.query('SET TRANSACTION ISOLATION LEVEL READ COMMITTED');
        await conn.beginTransaction();
        const slotId = slotIds[i % slotIds.length];
        const taken = await conn.query(
          "UPDATE slot SET booked = booked + 1 WHERE id = ? AND status = 'open' AND booked + 1 <= capacity",
          [slotId],
        );
        if (taken.affectedRows !== 1) {
          await conn.query('SELECT * FROM slot WHERE id = ?', [slotId]);
          status = 0;
          await conn.rollback();
        } else {
          const ref = `SB-${randomBytes(5).toString('hex').toUpperCase()}`;
          const booking = await conn.query(
            `INSERT INTO booking (reference, slot_id, devotee_name, phone, persons, language, source, manage_token_hash)
             VALUES (?, ?, ?, ?, 1, 'en', 'web', ?)`,
            [ref, slotId, `Devotee ${i}`, phone(), randomBytes(32).toString('hex')],
          );
          const id = Number(booking.insertId);
          await conn.query('SELECT * FROM booking WHERE id = ?', [id]);
          await conn.query(
            "INSERT INTO notification (booking_id, kind, event_seq, due_at) VALUES (?, 'confirmation', 1, NOW(3))",
            [id],
          );
          await conn.query("SELECT * FROM notification WHERE booking_id = ? AND kind = 'reminder'", [id]);
          await conn.query(
            "INSERT INTO notification (booking_id, kind, event_seq, due_at) VALUES (?, 'reminder', 0, NOW(3) + INTERVAL 1 DAY)",
            [id],
          );
          await conn.query(
            "INSERT INTO audit_entry (booking_id, entity_type, entity_id, action, actor_type, actor_label, after) VALUES (?, 'booking', ?, 'booking.created', 'devotee', 'devotee', '{}')",
            [id, id],
          );
          await conn.commit();
        }
      } finally {
        await conn.release();
      }
      const t1 = performance.now();
      return { status, ms: t1 - t0, endedAt: t1 };
    }),
  );
  const [row] = await pool.query<{ booked: number }[]>(
    `SELECT CAST(SUM(booked) AS SIGNED) AS booked FROM slot WHERE id IN (${slotIds.join(',')})`,
  );
  return figures(outcomes, startedAt, Number(row?.booked), capacity);
}

async function main() {
  console.log(`Flash sale: ${clients} clients, capacity ${capacity}, ${slotCount} slot(s), ${runs} run(s)`);
  const db = await scratchDatabase(apiPoolSize);
  const api = await startApi(db.url, { DATABASE_POOL_SIZE: String(apiPoolSize) });
  const apiRuns: RunFigures[] = [];
  const ceilingRuns: RunFigures[] = [];
  try {
    for (let run = 0; run < runs; run++) {
      apiRuns.push(await throughApi(api.url, db.pool));
      ceilingRuns.push(await throughDriver(db.pool));
    }
  } finally {
    await api.stop();
    await db.drop();
  }
  const summarise = (label: string, list: RunFigures[]) => {
    const keys = Object.keys(list[0]!) as (keyof RunFigures)[];
    return { path: label, ...Object.fromEntries(keys.map((k) => [k, median(list.map((r) => r[k]))])) };
  };
  const rows = [summarise('API (HTTP)', apiRuns), summarise('mariadb driver (ceiling)', ceilingRuns)];
  const ratios = apiRuns.map((r, i) => r.confirmedPerSec / ceilingRuns[i]!.confirmedPerSec);
  printTable(`Medians of ${runs} run(s); latencies in ms`, rows);
  console.log(`API / ceiling, confirmed per second (median of per-run ratios): ${round(median(ratios) * 100, 0)}%`);
  const oversold = apiRuns.some((r) => r.oversold > 0 || r.booked !== Math.min(clients, capacity));
  console.log(
    `Correctness: confirmed = ${apiRuns.map((r) => r.confirmed).join('/')} = booked ${apiRuns.map((r) => r.booked).join('/')}; capacity ${capacity}; oversell ${oversold ? 'FOUND' : '0'}`,
  );
  const file = writeResults(`flash-sale-${slotCount}-slot`, { clients, capacity, slotCount, runs: { api: apiRuns, ceiling: ceilingRuns }, medians: rows, ratio: median(ratios) });
  console.log(`Wrote ${file}`);
  if (oversold) process.exitCode = 1;
}

await main();
