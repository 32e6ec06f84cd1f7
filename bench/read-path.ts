/**
 * Read path: `GET /api/v1/slots` for a week (the demo temple's slots) through the API, next to
 * Fastify serving the same bytes as a constant, at the same concurrency, alternating in one run.
 * Then the same for `GET /api/v1/slots/:id`, the read of a devotee opening a booking page (a
 * flash sale's devotees all open the same one).
 *
 *   pnpm --filter @sevabook/bench exec tsx read-path.ts [--connections 50] [--seconds 5] [--runs 3]
 */
import autocannon from 'autocannon';
import { addDaysToDate, templeDateOf, DEFAULT_TEMPLE_TIMEZONE } from '@sevabook/shared';
import {
  argValue,
  isMain,
  median,
  printTable,
  round,
  scratchDatabase,
  startApi,
  startConstantServer,
  writeResults,
} from './harness.ts';

export interface ReadPathOptions {
  connections: number;
  seconds: number;
  runs: number;
}

interface Figures {
  requestsPerSec: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  timeouts: number;
}

async function load(url: string, connections: number, seconds: number): Promise<Figures> {
  const result = await autocannon({ url, connections, duration: seconds, pipelining: 1 });
  return {
    requestsPerSec: round(result.requests.average, 0),
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

export interface ReadPathResult {
  medians: Record<string, string | number>[];
  /** The week's list: API over the constant. */
  ratio: number;
  /** One slot (the booking page): API over the constant. */
  slotRatio: number;
  slots: number;
  bytes: number;
}

interface Pair {
  api: Figures[];
  constant: Figures[];
  ratio: number;
}

/** `path` through the API and from a constant of its `body`, alternating, `o.runs` times. */
async function compare(
  apiUrl: string,
  path: string,
  body: string,
  o: ReadPathOptions,
): Promise<Pair> {
  const constant = await startConstantServer(body);
  const pair: Pair = { api: [], constant: [], ratio: 0 };
  try {
    // Warm both up (JIT, connection pool) before measuring.
    await load(`${apiUrl}${path}`, o.connections, 1);
    await load(`${constant.url}${path}`, o.connections, 1);
    for (let run = 0; run < o.runs; run++) {
      pair.constant.push(await load(`${constant.url}${path}`, o.connections, o.seconds));
      pair.api.push(await load(`${apiUrl}${path}`, o.connections, o.seconds));
    }
  } finally {
    await constant.stop();
  }
  pair.ratio = median(pair.api.map((r, i) => r.requestsPerSec / pair.constant[i]!.requestsPerSec));
  return pair;
}

export async function runReadPath(o: ReadPathOptions): Promise<ReadPathResult> {
  console.log(`\nRead path: ${o.connections} connections, ${o.seconds} s each, ${o.runs} run(s)`);
  const db = await scratchDatabase(2);
  const api = await startApi(db.url);
  const today = templeDateOf(new Date(), DEFAULT_TEMPLE_TIMEZONE);
  const path = `/api/v1/slots?from=${today}&to=${addDaysToDate(today, 6)}`;
  const body = await (await fetch(`${api.url}${path}`)).text();
  const list = (JSON.parse(body) as { items: { id: number }[] }).items;
  const slots = list.length;
  const slotPath = `/api/v1/slots/${list[0]!.id}`;
  let week: Pair;
  let one: Pair;
  try {
    week = await compare(api.url, path, body, o);
    one = await compare(api.url, slotPath, await (await fetch(`${api.url}${slotPath}`)).text(), o);
  } finally {
    await api.stop();
    await db.drop();
  }
  const summarise = (label: string, list: Figures[]) => {
    const keys = Object.keys(list[0]!) as (keyof Figures)[];
    return {
      path: label,
      ...Object.fromEntries(keys.map((k) => [k, median(list.map((r) => r[k]))])),
    };
  };
  const medians = [
    summarise(`API GET /slots (week, ${slots} slots)`, week.api),
    summarise('Fastify constant (same bytes)', week.constant),
    summarise('API GET /slots/:id (booking page)', one.api),
    summarise('Fastify constant (same bytes)', one.constant),
  ];
  printTable(`Read path: medians of ${o.runs} run(s); latencies in ms`, medians);
  console.log(
    `API / constant, requests per second (median of per-run ratios): week ${round(week.ratio * 100, 0)}% ` +
      `(body ${body.length} bytes); one slot ${round(one.ratio * 100, 0)}%`,
  );
  const file = writeResults('read-path', {
    ...o,
    slots,
    bytes: body.length,
    runs: { api: week.api, constant: week.constant, slotApi: one.api, slotConstant: one.constant },
    medians,
    ratio: week.ratio,
    slotRatio: one.ratio,
  });
  console.log(`Wrote ${file}`);
  return { medians, ratio: week.ratio, slotRatio: one.ratio, slots, bytes: body.length };
}

if (isMain(import.meta.url)) {
  await runReadPath({
    connections: argValue('connections', 50),
    seconds: argValue('seconds', 5),
    runs: argValue('runs', 3),
  });
}
