/**
 * `pnpm bench`: a short version of every benchmark, one after the other, each in its own
 * process; then one summary table. Every benchmark also prints its own table and writes its
 * JSON to bench/results/. Longer runs: call the scripts themselves (see bench/README.md).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { printTable, repoRoot, round, writeResults } from './harness.ts';

const bench = resolve(repoRoot, 'bench');
const steps: { name: string; script: string; args: string[] }[] = [
  {
    name: 'flash sale, 1 slot',
    script: 'flash-sale.ts',
    args: ['--clients', '1000', '--capacity', '500', '--slots', '1', '--runs', '3'],
  },
  {
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
    name: 'flash sale, 50 slots',
    script: 'flash-sale.ts',
    args: ['--clients', '1000', '--capacity', '500', '--slots', '50', '--runs', '3'],
  },
  {
    name: 'read path',
    script: 'read-path.ts',
    args: ['--connections', '50', '--seconds', '3', '--runs', '3'],
  },
  // Written with the notifier; run when present.
  { name: 'notifications', script: 'notifications.ts', args: ['--quick'] },
];

let failed = false;
for (const step of steps) {
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

function result(file: string): Record<string, unknown> | undefined {
  const path = resolve(bench, 'results', file);
  return existsSync(path)
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
printTable(
  'Summary (yardsticks: the booking transactions straight through the mariadb driver; Fastify serving a constant)',
  rows,
);
writeResults('summary', { at: new Date().toISOString(), rows });
if (failed) process.exitCode = 1;
