import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Pool } from 'mariadb';
import { connectionOptions, serverOptions } from '@sevabook/api/db/connection-options';
import { applyMigrations, ensureDatabase } from '@sevabook/api/db/migrate';
import { openConnection, openPool } from '@sevabook/api/db/utc-driver';

/** Shared pieces of the benchmarks: a scratch database, a running API, figures and tables. */

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const baseUrl = process.env.DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/sevabook';

export interface ScratchDb {
  url: string;
  pool: Pool;
  drop(): Promise<void>;
}

export async function scratchDatabase(poolSize = 10): Promise<ScratchDb> {
  const url = new URL(baseUrl);
  url.pathname = `/sevabook_bench_${randomBytes(4).toString('hex')}`;
  await ensureDatabase(url.href);
  await applyMigrations(url.href, {});
  const pool = openPool({ ...connectionOptions(url.href), connectionLimit: poolSize });
  return {
    url: url.href,
    pool,
    async drop() {
      await pool.end();
      const admin = await openConnection(serverOptions(url.href));
      await admin.query(`DROP DATABASE IF EXISTS \`${connectionOptions(url.href).database}\``);
      await admin.end();
    },
  };
}

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolvePort(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

export interface RunningApi {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** Starts `pnpm start`'s server process (no SPAs, no notifier unless asked) and waits for /readyz. */
export async function startApi(
  databaseUrl: string,
  env: Record<string, string> = {},
): Promise<RunningApi> {
  const port = await freePort();
  // BENCH_CPU_PROF=<dir> writes a V8 CPU profile of the API process there when it stops.
  const profile = process.env.BENCH_CPU_PROF
    ? ['--cpu-prof', '--cpu-prof-interval', '100', '--cpu-prof-dir', process.env.BENCH_CPU_PROF]
    : [];
  const url = `http://127.0.0.1:${port}`;
  const child = spawn('node', [...profile, '--import', 'tsx', 'src/server.ts'], {
    cwd: resolve(repoRoot, 'apps/api'),
    env: {
      ...process.env,
      // Production refuses to start without real secrets and its own address: fresh random
      // secrets for every run, and the address this process listens on.
      NODE_ENV: 'production',
      PUBLIC_URL: url,
      JWT_SECRET: randomBytes(32).toString('hex'),
      BOOKING_LINK_SECRET: randomBytes(32).toString('hex'),
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      SERVE_SPAS: 'false',
      NOTIFIER: 'off',
      LOG_LEVEL: 'warn',
      RATE_LIMIT_PER_IP_PER_MIN: '100000000',
      SLOT_HORIZON_DAYS: '7',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  await waitUntilUp(`${url}/readyz`, child);
  return { url, process: child, stop: () => terminate(child) };
}

function terminate(child: ChildProcess): Promise<void> {
  return new Promise<void>((done) => {
    if (child.exitCode !== null) return done();
    child.once('exit', () => done());
    child.kill('SIGTERM');
  });
}

/**
 * Fastify answering `body` as a constant, in a process of its own (constant-server.ts): what
 * HTTP alone costs at the same concurrency on the same machine.
 */
export function startConstantServer(body: string): Promise<RunningApi> {
  return startBenchServer('constant-server.ts', body, (port, bodyFile) => [port, bodyFile]);
}

/**
 * Fastify handing each booking straight to the API's BookingWriter on a pool of `poolSize`, in a
 * process of its own (writer-server.ts): HTTP and the database with none of the API's own work.
 */
export function startWriterServer(
  databaseUrl: string,
  poolSize: number,
  createdBody: string,
): Promise<RunningApi> {
  return startBenchServer('writer-server.ts', createdBody, (port, bodyFile) => [
    port,
    databaseUrl,
    String(poolSize),
    bodyFile,
  ]);
}

/** Runs one of bench/'s servers on a free port, with `body` in a file of its own. */
async function startBenchServer(
  script: string,
  body: string,
  args: (port: string, bodyFile: string) => string[],
): Promise<RunningApi> {
  const dir = mkdtempSync(join(tmpdir(), 'sevabook-bench-'));
  writeFileSync(join(dir, 'body.json'), body);
  const port = await freePort();
  const child = spawn(
    'node',
    [
      '--import',
      'tsx',
      resolve(repoRoot, 'bench', script),
      ...args(String(port), join(dir, 'body.json')),
    ],
    { cwd: resolve(repoRoot, 'bench'), stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitUntilUp(`${url}/healthz`, child);
  } catch (error) {
    await terminate(child);
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    url,
    process: child,
    stop: async () => {
      await terminate(child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function waitUntilUp(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url}: process exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not come up within a minute`);
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? percentile(sorted, 50) : NaN;
}

export function round(value: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

export function printTable(title: string, rows: Record<string, string | number>[]): void {
  console.log(`\n${title}`);
  console.table(rows);
}

export function writeResults(name: string, data: unknown): string {
  const dir = resolve(repoRoot, 'bench/results');
  mkdirSync(dir, { recursive: true });
  const file = resolve(dir, `${name}.json`);
  writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`);
  return file;
}

export function argValue(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

/** True when the module at `moduleUrl` is the script node was asked to run. */
export function isMain(moduleUrl: string): boolean {
  return process.argv[1] !== undefined && fileURLToPath(moduleUrl) === resolve(process.argv[1]);
}
