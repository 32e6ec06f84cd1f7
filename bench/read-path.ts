/**
 * Read path: `GET /api/v1/slots` for a week (the demo temple's slots) through the API, next to
 * Fastify serving the same bytes as a constant, at the same concurrency, alternating in one run.
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
  ratio: number;
  slots: number;
  bytes: number;
}

export async function runReadPath(o: ReadPathOptions): Promise<ReadPathResult> {
  console.log(`\nRead path: ${o.connections} connections, ${o.seconds} s each, ${o.runs} run(s)`);
  const db = await scratchDatabase(2);
  const api = await startApi(db.url);
  const today = templeDateOf(new Date(), DEFAULT_TEMPLE_TIMEZONE);
  const path = `/api/v1/slots?from=${today}&to=${addDaysToDate(today, 6)}`;
  const body = await (await fetch(`${api.url}${path}`)).text();
  const slots = (JSON.parse(body) as { items: unknown[] }).items.length;
  const constant = await startConstantServer(body);
  const constantUrl = constant.url;
  const apiRuns: Figures[] = [];
  const constantRuns: Figures[] = [];
  try {
    // Warm both up (JIT, connection pool) before measuring.
    await load(`${api.url}${path}`, o.connections, 1);
    await load(`${constantUrl}${path}`, o.connections, 1);
    for (let run = 0; run < o.runs; run++) {
      constantRuns.push(await load(`${constantUrl}${path}`, o.connections, o.seconds));
      apiRuns.push(await load(`${api.url}${path}`, o.connections, o.seconds));
    }
  } finally {
    await constant.stop();
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
    summarise(`API GET /slots (week, ${slots} slots)`, apiRuns),
    summarise('Fastify constant (same bytes)', constantRuns),
  ];
  const ratio = median(apiRuns.map((r, i) => r.requestsPerSec / constantRuns[i]!.requestsPerSec));
  printTable(`Read path: medians of ${o.runs} run(s); latencies in ms`, medians);
  console.log(
    `API / constant, requests per second (median of per-run ratios): ${round(ratio * 100, 0)}%; body ${body.length} bytes`,
  );
  const file = writeResults('read-path', {
    ...o,
    slots,
    bytes: body.length,
    runs: { api: apiRuns, constant: constantRuns },
    medians,
    ratio,
  });
  console.log(`Wrote ${file}`);
  return { medians, ratio, slots, bytes: body.length };
}

if (isMain(import.meta.url)) {
  await runReadPath({
    connections: argValue('connections', 50),
    seconds: argValue('seconds', 5),
    runs: argValue('runs', 3),
  });
}
