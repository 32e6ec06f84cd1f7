import { spawn, type ChildProcess } from 'node:child_process';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll } from 'vitest';
import { createDb, type Db } from '../../src/db/client.ts';
import { connectionOptions } from '../../src/db/connection-options.ts';
import { createScratchDatabase, type ScratchDatabase } from '../db.ts';
import { FakeTwilio } from '../fake-twilio.ts';

/**
 * Real Sevabook processes for the fault tests: the API (`src/server.ts`) and the notifier
 * (`src/worker.ts`), started as `pnpm start` and `pnpm worker` would start them, killed with
 * SIGKILL when a test says so, and a TCP proxy to put between them and the database; and the
 * ChaosTemple they all run in.
 */

const apiDir = fileURLToPath(new URL('../../', import.meta.url));

/** How big the fault tests are: short in `pnpm test`, longer in `pnpm test:chaos`. */
export const FULL = process.env.CHAOS_FULL === '1';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

export async function waitUntil(
  check: () => Promise<boolean> | boolean,
  timeoutMs: number,
  what: string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (await check()) return;
    } catch {
      // not yet
    }
    if (Date.now() > deadline)
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The environment of a process that sends WhatsApp messages to the fake Twilio, quickly. */
export function twilioEnv(fake: FakeTwilio): Record<string, string> {
  return {
    TWILIO_ACCOUNT_SID: fake.accountSid,
    TWILIO_AUTH_TOKEN: fake.authToken,
    TWILIO_WHATSAPP_FROM: '+14155238886',
    TWILIO_API_BASE: fake.url,
    NOTIFIER_RATE_PER_SEC: '200',
    NOTIFIER_POLL_MS: '100',
    NOTIFIER_BACKOFF_BASE_MS: '200',
    NOTIFIER_BACKOFF_MAX_MS: '2000',
    NOTIFIER_SEND_TIMEOUT_MS: '1000',
    NOTIFIER_LEASE_MS: '3000',
    NOTIFIER_RECONCILE_AFTER_MS: '500',
    NOTIFIER_MAX_ATTEMPTS: '100',
  };
}

function baseEnv(databaseUrl: string, extra: Record<string, string>): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    SERVE_SPAS: 'false',
    LOG_LEVEL: 'error',
    RATE_LIMIT_PER_IP_PER_MIN: '10000000',
    SLOT_HORIZON_DAYS: '1',
    NOTIFIER: 'off',
    // The suite's zone (vitest.config.ts), so the processes run where local time is not UTC too.
    ...(process.env.TZ ? { TZ: process.env.TZ } : {}),
    ...extra,
  };
}

export class ApiProcess {
  private child: ChildProcess | undefined;
  readonly url: string;

  private constructor(
    readonly port: number,
    private readonly env: NodeJS.ProcessEnv,
  ) {
    this.url = `http://127.0.0.1:${port}`;
  }

  static async start(databaseUrl: string, extra: Record<string, string> = {}): Promise<ApiProcess> {
    const port = await freePort();
    const api = new ApiProcess(port, baseEnv(databaseUrl, { PORT: String(port), ...extra }));
    await api.restart();
    return api;
  }

  /** Starts the process (again, on the same port) and waits until it is ready. */
  async restart(): Promise<void> {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
      cwd: apiDir,
      env: this.env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-4000);
    });
    this.child = child;
    await waitUntil(
      async () => {
        if (child.exitCode !== null)
          throw new Error(`API exited with ${child.exitCode}: ${stderr}`);
        return (await fetch(`${this.url}/readyz`)).ok;
      },
      60_000,
      'the API to be ready',
    ).catch((error: unknown) => {
      throw new Error(`${(error as Error).message}\n${stderr}`);
    });
  }

  /** kill -9: no shutdown hooks, no goodbye to the database. */
  async kill9(): Promise<void> {
    await killChild(this.child, 'SIGKILL');
  }

  async stop(): Promise<void> {
    await killChild(this.child, 'SIGTERM');
  }
}

export class WorkerProcess {
  private constructor(private readonly child: ChildProcess) {}

  static start(databaseUrl: string, extra: Record<string, string>): WorkerProcess {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/worker.ts'], {
      cwd: apiDir,
      env: baseEnv(databaseUrl, extra),
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    return new WorkerProcess(child);
  }

  async stop(): Promise<void> {
    await killChild(this.child, 'SIGTERM');
  }
}

function killChild(child: ChildProcess | undefined, signal: NodeJS.Signals): Promise<void> {
  return new Promise((resolve) => {
    if (!child || child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill(signal);
  });
}

/**
 * A TCP proxy to the database that a test can cut (every open connection reset, new ones
 * refused at once) and restore, without touching the database server other tests share.
 */
export class DatabaseProxy {
  private readonly sockets = new Set<Socket>();
  private cut = false;
  private server: Server | undefined;
  port = 0;

  constructor(private readonly target: { host: string; port: number }) {}

  /** The proxy for the database of `databaseUrl` (over TCP; the socket path is not proxied). */
  static forUrl(databaseUrl: string): DatabaseProxy {
    const options = connectionOptions(databaseUrl);
    const url = new URL(databaseUrl);
    return new DatabaseProxy({
      host: url.hostname || '127.0.0.1',
      port: Number(url.port || options.port || 3306),
    });
  }

  async start(): Promise<this> {
    this.server = createServer((client) => {
      if (this.cut) {
        client.destroy();
        return;
      }
      const upstream = createConnection(this.target);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => undefined);
      }
      client.pipe(upstream).pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const address = this.server.address();
    this.port = typeof address === 'object' && address ? address.port : 0;
    return this;
  }

  /** The same database URL, through this proxy. */
  urlFor(databaseUrl: string): string {
    const url = new URL(databaseUrl);
    url.hostname = '127.0.0.1';
    url.port = String(this.port);
    return url.toString();
  }

  cutOff(): void {
    this.cut = true;
    for (const s of this.sockets) s.destroy();
  }

  restore(): void {
    this.cut = false;
  }

  async close(): Promise<void> {
    this.cutOff();
    await new Promise<void>((resolve) =>
      this.server ? this.server.close(() => resolve()) : resolve(),
    );
  }
}

export interface ChaosTempleOptions {
  /** Connections of the test's own Prisma client: few, the processes under test need the rest. */
  connections: number;
  /** A fake Twilio, for processes that send WhatsApp messages (see twilioEnv). */
  fakeTwilio?: boolean;
  /** A DatabaseProxy, for API processes the test cuts off from the database. */
  databaseProxy?: boolean;
}

interface Parts {
  scratch: ScratchDatabase;
  db: Db;
  twilio?: FakeTwilio;
  proxy?: DatabaseProxy;
}

/**
 * A fault test's own temple: a migrated scratch database (the processes under test must not see
 * other files' rows, nor leave theirs behind), a Prisma client on it for the test to look with,
 * what else the options ask for, and the processes the test starts in it.
 */
export class ChaosTemple {
  private readonly processes: (ApiProcess | WorkerProcess)[] = [];
  private parts: Parts | undefined;

  private constructor(private readonly options: ChaosTempleOptions) {}

  /**
   * A temple for all the tests of a file or `describe`: made before the first; after the last,
   * its processes are stopped and the rest closed. NOTE: it is empty until its `beforeAll` has
   * run, so start processes in a `beforeAll` of the test's own, registered after this one.
   */
  static forSuite(options: ChaosTempleOptions): ChaosTemple {
    const temple = new ChaosTemple(options);
    beforeAll(() => temple.open(), 120_000);
    afterAll(() => temple.close());
    return temple;
  }

  get databaseUrl(): string {
    return this.part('scratch').url;
  }

  get db(): Db {
    return this.part('db');
  }

  get twilio(): FakeTwilio {
    return this.part('twilio');
  }

  get proxy(): DatabaseProxy {
    return this.part('proxy');
  }

  /** An API process on the temple's database (through the proxy if asked), stopped at the end. */
  async startApi(env: Record<string, string> = {}, { throughProxy = false } = {}) {
    const url = throughProxy ? this.proxy.urlFor(this.databaseUrl) : this.databaseUrl;
    const api = await ApiProcess.start(url, env);
    this.processes.push(api);
    return api;
  }

  /** A notifier process on the temple's database, stopped at the end. */
  startWorker(env: Record<string, string>): WorkerProcess {
    const worker = WorkerProcess.start(this.databaseUrl, env);
    this.processes.push(worker);
    return worker;
  }

  private async open(): Promise<void> {
    const scratch = await createScratchDatabase();
    this.parts = { scratch, db: createDb(scratch.url, this.options.connections) };
    if (this.options.fakeTwilio) this.parts.twilio = await new FakeTwilio().start();
    if (this.options.databaseProxy)
      this.parts.proxy = await DatabaseProxy.forUrl(scratch.url).start();
  }

  private async close(): Promise<void> {
    // The processes first: while they stop, they still talk to the database and to Twilio.
    await Promise.all(this.processes.map((p) => p.stop()));
    const parts = this.parts;
    this.parts = undefined;
    await parts?.proxy?.close();
    await parts?.twilio?.close();
    await parts?.db.$disconnect();
    await parts?.scratch.drop();
  }

  private part<K extends keyof Parts>(name: K): NonNullable<Parts[K]> {
    const part = this.parts?.[name];
    if (!part) throw new Error(`No ${name} in this chaos temple yet: ask for it, use it in tests.`);
    return part;
  }
}
