/**
 * Flash sale: N devotees (one connection each, keep-alive, no pipelining) book one slot of
 * capacity C through the running API at the same moment. Next to it, in the same run, the same
 * transaction shape driven straight through the mariadb driver at the same concurrency (the
 * database's own ceiling on this machine), one booking per transaction, Fastify answering from
 * memory (HTTP alone), and Fastify handing each request straight to the writer (the floor:
 * HTTP and the database with none of the API's own work).
 *
 * Every path first runs `warmups` sales that are not counted: a server that has been up a while
 * has its hot code compiled by V8's optimising tier, which takes it a couple of sales to reach.
 *
 *   pnpm --filter @sevabook/bench exec tsx flash-sale.ts [--clients 1000] [--capacity 500] [--runs 3] [--warmups 4] [--slots 1]
 */
import { randomBytes, randomInt } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Agent, request } from 'undici';
import type { Pool } from 'mariadb';
import {
  argValue,
  isMain,
  median,
  percentile,
  printTable,
  round,
  scratchDatabase,
  startApi,
  startConstantServer,
  startWriterServer,
  writeResults,
  type RunningApi,
} from './harness.ts';
import { bookingRequest, readJudgements } from './booking-request.ts';
import { startCpuMeter, type CpuFigures } from './cpu-meter.ts';
import { BookingWriter } from '@sevabook/api/bookings/booking-writer';
import type { BookingRequest } from '@sevabook/api/bookings/booking-statements';
import { writeBookings, type PipelinedOutcome } from '@sevabook/api/bookings/pipelined-booking';

export interface FlashSaleOptions {
  clients: number;
  capacity: number;
  runs: number;
  /** Sales through every path before the measured ones, not counted. */
  warmups: number;
  slots: number;
  /** API_PROCESSES of the API under test. */
  processes: number;
}

const apiPoolSize = 20;
// The options of the sale being run (one at a time).
let o: FlashSaleOptions = {
  clients: 1000,
  capacity: 500,
  runs: 3,
  warmups: 4,
  slots: 1,
  processes: 1,
};

interface Outcome {
  status: number;
  ms: number;
  endedAt: number;
}

interface RunFigures extends CpuFigures {
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
    [`flash-${suffix}`, o.capacity],
  );
  const ids: number[] = [];
  const firstStart = Date.now() + 2 * 86_400_000 + randomInt(1000) * 60_000;
  for (let i = 0; i < o.slots; i++) {
    const startsAt = new Date(firstStart + i * 3_600_000);
    const slot = await pool.query(
      'INSERT INTO slot (seva_id, starts_at, capacity) VALUES (?, ?, ?)',
      [Number(seva.insertId), startsAt, Math.ceil(o.capacity / o.slots)],
    );
    ids.push(Number(slot.insertId));
  }
  return ids;
}

/** Client i's name: letters only (a name holds no digits), "Devotee BA" for i = 26. */
export function devoteeNameFor(i: number): string {
  const letters = [...i.toString(26)].map((d) => String.fromCharCode(65 + parseInt(d, 26)));
  return `Devotee ${letters.join('')}`;
}

function phone(): string {
  return `+919${String(randomInt(0, 1_000_000_000)).padStart(9, '0')}`;
}

function figures(
  outcomes: Outcome[],
  startedAt: number,
  booked: number,
  cap: number,
  cpu: CpuFigures,
): RunFigures {
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
    ...cpu,
  };
}

/** The devotees: one keep-alive connection each, opened first, then all book at once. */
async function sale(
  url: string,
  serverPid: number | undefined,
  slotIds: number[],
  pagePath: (slotId: number) => string = (slotId) => `/api/v1/slots/${slotId}`,
): Promise<{ outcomes: Outcome[]; startedAt: number; cpu: CpuFigures }> {
  const agent = new Agent({ connections: o.clients, pipelining: 1, keepAliveTimeout: 30_000 });
  // Open every client's connection first, as devotees already on the booking page would have:
  // the page reads its slot.
  await Promise.all(
    Array.from({ length: o.clients }, (_, i) =>
      request(`${url}${pagePath(slotIds[i % slotIds.length]!)}`, { dispatcher: agent }).then((r) =>
        r.body.dump(),
      ),
    ),
  );
  const meter = startCpuMeter(serverPid);
  const startedAt = performance.now();
  const outcomes = await Promise.all(
    Array.from({ length: o.clients }, async (_, i): Promise<Outcome> => {
      const t0 = performance.now();
      try {
        const response = await request(`${url}/api/v1/bookings`, {
          method: 'POST',
          dispatcher: agent,
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            slotId: slotIds[i % slotIds.length],
            devoteeName: devoteeNameFor(i),
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
  const cpu = meter.stop(o.clients);
  await agent.close();
  return { outcomes, startedAt, cpu };
}

async function throughApi(api: RunningApi, pool: Pool): Promise<RunFigures> {
  const slotIds = await makeSlots(pool);
  const { outcomes, startedAt, cpu } = await sale(api.url, api.process.pid, slotIds);
  const [row] = await pool.query<{ booked: number }[]>(
    `SELECT CAST(SUM(booked) AS SIGNED) AS booked FROM slot WHERE id IN (${slotIds.join(',')})`,
  );
  const [confirmed] = await pool.query<{ n: number }[]>(
    `SELECT COUNT(*) AS n FROM booking WHERE status = 'confirmed' AND slot_id IN (${slotIds.join(',')})`,
  );
  const result = figures(outcomes, startedAt, Number(row?.booked), o.capacity, cpu);
  if (Number(confirmed?.n) !== result.confirmed) {
    throw new Error(
      `Clients got ${result.confirmed} × 201 but the database has ${String(confirmed?.n)} bookings`,
    );
  }
  return result;
}

/**
 * The same clients against Fastify answering the API's own 201 body from a counter in memory:
 * HTTP alone, with no database, on the same machine.
 */
async function throughHttpOnly(constant: RunningApi): Promise<RunFigures> {
  await request(`${constant.url}/places`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: String(o.capacity),
  }).then((r) => r.body.dump());
  const { outcomes, startedAt, cpu } = await sale(
    constant.url,
    constant.process.pid,
    [0],
    () => '/healthz',
  );
  return figures(outcomes, startedAt, o.capacity, o.capacity, cpu);
}

/** A real 201 body of the API, for the HTTP-only yardstick to send. */
async function sampleCreatedBody(apiUrl: string, pool: Pool): Promise<string> {
  const [slotId] = await makeSlots(pool);
  const response = await request(`${apiUrl}/api/v1/bookings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ slotId, devoteeName: 'Sample Devotee', phone: phone(), persons: 1 }),
  });
  if (response.statusCode !== 201) throw new Error(`Sample booking: ${response.statusCode}`);
  return response.body.text();
}

/** How the driver-only runs write a booking. */
type Shape = 'batched' | 'single';

/** One booking per transaction, tried again when rolled back (the shape before batching). */
async function writeAlone(pool: Pool, request: BookingRequest): Promise<PipelinedOutcome> {
  for (let attempt = 1; ; attempt++) {
    const {
      outcomes: [outcome],
    } = await writeBookings(pool, [request]);
    if (outcome && 'taken' in outcome) return outcome;
    if (outcome && 'retry' in outcome && attempt < 3) continue;
    throw new Error(`Booking ${request.row.reference} failed`);
  }
}

/**
 * The API's booking transaction itself (apps/api/src/bookings/), called straight on a mariadb
 * pool of the same size: no HTTP, no Fastify, no Prisma, no validation. `batched` goes through
 * the same BookingWriter as the API (the same transaction shape); `single` writes each booking
 * in a transaction of its own. A request that does not fit reads the slot, as the API does.
 */
async function throughDriver(pool: Pool, shape: Shape): Promise<RunFigures> {
  const slotIds = await makeSlots(pool);
  // What the API judges a booking by, and its transaction checks (bookings/slot-facts.ts).
  const judged = await readJudgements(pool, slotIds);
  const writer = new BookingWriter(pool);
  const meter = startCpuMeter(undefined);
  const startedAt = performance.now();
  const outcomes = await Promise.all(
    Array.from({ length: o.clients }, async (_, i): Promise<Outcome> => {
      const t0 = performance.now();
      const slotId = slotIds[i % slotIds.length]!;
      const request = bookingRequest(judged.get(slotId)!, {
        devoteeName: devoteeNameFor(i),
        phone: phone(),
        persons: 1,
      });
      const outcome =
        shape === 'batched'
          ? await writer.book(request.row, request.terms)
          : await writeAlone(pool, request);
      if (!outcome.taken) await pool.query('SELECT * FROM slot WHERE id = ?', [slotId]);
      const t1 = performance.now();
      return { status: outcome.taken ? 1 : 0, ms: t1 - t0, endedAt: t1 };
    }),
  );
  const cpu = meter.stop(o.clients);
  writer.close();
  const [row] = await pool.query<{ booked: number }[]>(
    `SELECT CAST(SUM(booked) AS SIGNED) AS booked FROM slot WHERE id IN (${slotIds.join(',')})`,
  );
  return figures(outcomes, startedAt, Number(row?.booked), o.capacity, cpu);
}

export interface FlashSaleResult {
  options: FlashSaleOptions;
  medians: Record<string, string | number>[];
  /** API confirmed/s over the ceiling's (the same batched shape), median of per-run ratios. */
  ratio: number;
  /** API confirmed/s over one-booking-per-transaction straight through the driver. */
  ratioToSingle: number;
  /** API confirmed/s over Fastify answering from memory to the same clients. */
  ratioToHttp: number;
  /** HTTP + the same batches with none of the API's own work (writer-server.ts) over the ceiling. */
  floorToCeiling: number;
  oversold: boolean;
}

/** Runs the sale `runs` times through the API and through the driver, alternating. */
export async function runFlashSale(options: FlashSaleOptions): Promise<FlashSaleResult> {
  o = options;
  console.log(
    `\nFlash sale: ${o.clients} clients, capacity ${o.capacity} over ${o.slots} slot(s), ` +
      `${o.processes} API process(es), ${o.runs} run(s) after ${o.warmups} not counted`,
  );
  const db = await scratchDatabase(apiPoolSize);
  // Several HTTP processes share the pool size between them, as the ceiling has one pool.
  const api = await startApi(db.url, {
    DATABASE_POOL_SIZE: String(Math.ceil(apiPoolSize / o.processes)),
    API_PROCESSES: String(o.processes),
  });
  const apiRuns: RunFigures[] = [];
  const ceilingRuns: RunFigures[] = [];
  const singleRuns: RunFigures[] = [];
  const httpRuns: RunFigures[] = [];
  const floorRuns: RunFigures[] = [];
  // The yardstick servers started so far, stopped at the end.
  const yardsticks: RunningApi[] = [];
  try {
    const createdBody = await sampleCreatedBody(api.url, db.pool);
    const constant = await startConstantServer(createdBody);
    yardsticks.push(constant);
    const floor = await startWriterServer(db.url, apiPoolSize, createdBody);
    yardsticks.push(floor);
    const paths: [RunFigures[], () => Promise<RunFigures>][] = [
      [apiRuns, () => throughApi(api, db.pool)],
      [httpRuns, () => throughHttpOnly(constant)],
      [floorRuns, () => throughApi(floor, db.pool)],
      [ceilingRuns, () => throughDriver(db.pool, 'batched')],
      [singleRuns, () => throughDriver(db.pool, 'single')],
    ];
    for (let run = 0; run < o.warmups + o.runs; run++) {
      for (const [list, sell] of paths) {
        const figures = await sell();
        if (run >= o.warmups) list.push(figures);
      }
    }
  } finally {
    for (const server of yardsticks) await server.stop();
    await api.stop();
    await db.drop();
  }
  const summarise = (label: string, list: RunFigures[]) => {
    const keys = Object.keys(list[0]!) as (keyof RunFigures)[];
    return {
      path: label,
      ...Object.fromEntries(keys.map((k) => [k, median(list.map((r) => r[k]))])),
    };
  };
  const medians = [
    summarise('API (HTTP)', apiRuns),
    summarise('mariadb driver, same batches (ceiling)', ceilingRuns),
    summarise('mariadb driver, 1 booking per transaction', singleRuns),
    summarise('HTTP only: Fastify answering from memory', httpRuns),
    summarise('HTTP + the same batches, nothing else (floor)', floorRuns),
  ];
  // Medians of per-run ratios: both sides of each were measured in the same run.
  const ratioOf = (runs: RunFigures[], to: RunFigures[]) =>
    median(runs.map((r, i) => r.confirmedPerSec / to[i]!.confirmedPerSec));
  const ratio = ratioOf(apiRuns, ceilingRuns);
  const ratioToSingle = ratioOf(apiRuns, singleRuns);
  const ratioToHttp = ratioOf(apiRuns, httpRuns);
  const floorToCeiling = ratioOf(floorRuns, ceilingRuns);
  const cpuKeys = new Set<string>(['serverCpuUsPerRequest', 'dbCpuMs', 'clientCpuMs', 'coresBusy']);
  const pick = (row: Record<string, string | number>, cpu: boolean) =>
    Object.fromEntries(Object.entries(row).filter(([k]) => k === 'path' || cpuKeys.has(k) === cpu));
  printTable(
    `Flash sale, ${o.slots} slot(s), ${o.processes} API process(es): medians of ${o.runs} run(s); latencies in ms`,
    medians.map((row) => pick(row, false)),
  );
  printTable(
    'CPU from the first booking request to the last answer: the server under test per request (µs), ' +
      'the database server and the load generator (ms), and all three over the wall time (cores)',
    medians.map((row) => pick(row, true)),
  );
  console.log(
    `API / ceiling, confirmed per second (median of per-run ratios): ${round(ratio * 100, 0)}%; ` +
      `API / one booking per transaction: ${round(ratioToSingle * 100, 0)}%; ` +
      `API / HTTP only: ${round(ratioToHttp * 100, 0)}%; ` +
      `floor (HTTP + batches, no API work) / ceiling: ${round(floorToCeiling * 100, 0)}%`,
  );
  const oversold = apiRuns.some(
    (r) => r.oversold > 0 || r.booked !== Math.min(o.clients, o.capacity),
  );
  console.log(
    `Correctness: confirmed = ${apiRuns.map((r) => r.confirmed).join('/')} = booked ${apiRuns.map((r) => r.booked).join('/')}; capacity ${o.capacity}; oversell ${oversold ? 'FOUND' : '0'}`,
  );
  const file = writeResults(`flash-sale-${o.slots}-slot-${o.processes}-process`, {
    ...o,
    runs: {
      api: apiRuns,
      ceiling: ceilingRuns,
      single: singleRuns,
      httpOnly: httpRuns,
      floor: floorRuns,
    },
    medians,
    ratio,
    ratioToSingle,
    ratioToHttp,
    floorToCeiling,
  });
  console.log(`Wrote ${file}`);
  return {
    options: { ...o },
    medians,
    ratio,
    ratioToSingle,
    ratioToHttp,
    floorToCeiling,
    oversold,
  };
}

if (isMain(import.meta.url)) {
  const result = await runFlashSale({
    clients: argValue('clients', 1000),
    capacity: argValue('capacity', 500),
    runs: argValue('runs', 3),
    warmups: argValue('warmups', 4),
    slots: argValue('slots', 1),
    processes: argValue('processes', 1),
  });
  if (result.oversold) process.exitCode = 1;
}
