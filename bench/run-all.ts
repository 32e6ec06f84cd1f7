/**
 * `pnpm bench`: a short version of every benchmark, one after the other, each in its own
 * process; then one summary table. Every benchmark also prints its own table and writes its
 * JSON to bench/results/. Longer runs: call the scripts themselves (see bench/README.md).
 *
 * `pnpm bench <key>` runs only the steps of that key: `flash-sale`, `read-path`,
 * `notifications` or `payments` (the flash sale with online payment, which then runs the plain
 * flash sale itself, to print both from one run).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { printTable, repoRoot, round, writeResults } from './harness.ts';

const bench = resolve(repoRoot, 'bench');
const only = process.argv.slice(2).find((arg) => !arg.startsWith('-'));
const startedAt = Date.now();
const steps: { key: string; name: string; script: string; args: string[] }[] = [
  {
    key: 'flash-sale',
    name: 'flash sale, 1 slot',
    script: 'flash-sale.ts',
    args: ['--clients', '1000', '--capacity', '500', '--slots', '1', '--runs', '3'],
  },
  {
    key: 'flash-sale',
    name: 'flash sale, 1 slot, 2 API processes',
    script: 'flash-sale.ts',
    args: [
      '--clients',
      '1000',
      '--capacity',
      '500',
      '--slots',
      '1',
      '--runs',
      '3',
      '--processes',
      '2',
    ],
  },
  {
    key: 'flash-sale',
    name: 'flash sale, 50 slots',
    script: 'flash-sale.ts',
    args: ['--clients', '1000', '--capacity', '500', '--slots', '50', '--runs', '3'],
  },
  {
    key: 'read-path',
    name: 'read path',
    script: 'read-path.ts',
    args: ['--connections', '50', '--seconds', '3', '--runs', '3'],
  },
  // Written with the notifier; run when present.
  { key: 'notifications', name: 'notifications', script: 'notifications.ts', args: ['--quick'] },
  {
    key: 'payments',
    name: 'flash sale with online payment',
    script: 'payment-sale.ts',
    // In the whole run the plain flash sale has just run (the first step): its results are
    // compared rather than measured again.
    args: only === 'payments' ? [] : ['--plain-from-results'],
  },
];
if (only && !steps.some((step) => step.key === only)) {
  throw new Error(`No benchmark "${only}": ${[...new Set(steps.map((s) => s.key))].join(', ')}`);
}

let failed = false;
for (const step of steps.filter((s) => !only || s.key === only)) {
  if (!existsSync(resolve(bench, step.script))) {
    console.log(`\n(${step.name}: ${step.script} not present, skipped)`);
    continue;
  }
  console.log(`\n=== ${step.name} ===`);
  const run = spawnSync('node', ['--import', 'tsx', step.script, ...step.args], {
    cwd: bench,
    stdio: 'inherit',
  });
  if (run.status !== 0) {
    failed = true;
    console.error(`${step.name} failed (exit ${String(run.status)})`);
  }
}

/** A benchmark's results, when this run wrote them (older files are left out). */
function result(file: string): Record<string, unknown> | undefined {
  const path = resolve(bench, 'results', file);
  return existsSync(path) && statSync(path).mtimeMs >= startedAt
    ? (JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>)
    : undefined;
}

const rows: Record<string, string | number>[] = [];
for (const [slots, processes] of [
  [1, 1],
  [1, 2],
  [50, 1],
]) {
  const r = result(`flash-sale-${slots}-slot-${processes}-process.json`);
  const [api, ceiling, single, , floor] = (r?.medians ?? []) as Record<string, number>[];
  if (api && ceiling && single && floor) {
    const label = `flash sale, ${slots} slot(s), ${processes} process(es): confirmed/s`;
    rows.push({
      benchmark: `${label}, against the same batches`,
      sevabook: api.confirmedPerSec!,
      yardstick: ceiling.confirmedPerSec!,
      ratio: `${round(Number(r?.ratio) * 100, 0)}%`,
      target: '≥ 70%',
    });
    rows.push({
      benchmark: `${label}, against 1 booking per transaction`,
      sevabook: api.confirmedPerSec!,
      yardstick: single.confirmedPerSec!,
      ratio: `${round(Number(r?.ratioToSingle) * 100, 0)}%`,
      target: '',
    });
    rows.push({
      benchmark: `${label}, HTTP + the same batches and no API work (floor)`,
      sevabook: floor.confirmedPerSec!,
      yardstick: ceiling.confirmedPerSec!,
      ratio: `${round(Number(r?.floorToCeiling) * 100, 0)}%`,
      target: '',
    });
  }
}
const read = result('read-path.json');
const [readApi, constant, slotApi, slotConstant] = (read?.medians ?? []) as Record<
  string,
  number
>[];
if (readApi && constant && slotApi && slotConstant) {
  rows.push({
    benchmark: 'GET /slots (a week): req/s',
    sevabook: readApi.requestsPerSec!,
    yardstick: constant.requestsPerSec!,
    ratio: `${round(Number(read?.ratio) * 100, 0)}%`,
    target: '≥ 50%',
  });
  rows.push({
    benchmark: 'GET /slots/:id (the booking page): req/s',
    sevabook: slotApi.requestsPerSec!,
    yardstick: slotConstant.requestsPerSec!,
    ratio: `${round(Number(read?.slotRatio) * 100, 0)}%`,
    target: '',
  });
}
const paid = result('payment-sale.json')?.figures as Record<string, number> | undefined;
if (paid) {
  for (const [label, value] of [
    ['flash sale with online payment: holds/s', paid.holdsPerSec],
    ['… verify p95 (ms), all payers at once', paid.verifyP95Ms],
    ['… confirmations/s by verify', paid.confirmationsPerSec],
    ['… last hold end → released places all held again (ms)', paid.expiryToAllResoldMs],
  ] as const) {
    rows.push({ benchmark: label, sevabook: value ?? NaN, yardstick: '', ratio: '', target: '' });
  }
}
printTable(
  'Summary (yardsticks: the booking transactions straight through the mariadb driver; Fastify serving a constant)',
  rows,
);
writeResults('summary', { at: new Date().toISOString(), rows });
if (failed) process.exitCode = 1;
