import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type Db } from '../../src/db/client.ts';
import { freePort, waitUntil } from '../chaos/processes.ts';
import { createScratchDatabase, type ScratchDatabase } from '../db.ts';
import { createSeva, createSlot, uniquePhone } from '../factories.ts';

/**
 * `pnpm start` on a new install with no secrets configured, started, used, stopped and started
 * again: what devotees and staff hold must still work, and the terminal and the log must say
 * the right things and nothing secret.
 */

const apiDir = fileURLToPath(new URL('../../', import.meta.url));

/** One run of src/server.ts, with everything it writes. */
class ServerRun {
  output = '';
  private constructor(
    readonly url: string,
    private readonly child: ChildProcess,
  ) {}

  static spawn(env: Record<string, string>, port: number): ServerRun {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
      cwd: apiDir,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env, PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const run = new ServerRun(`http://127.0.0.1:${port}`, child);
    for (const stream of [child.stdout, child.stderr])
      stream?.on('data', (chunk: Buffer) => (run.output += chunk.toString()));
    return run;
  }

  async ready(): Promise<this> {
    await waitUntil(
      async () => {
        if (this.child.exitCode !== null) throw new Error(`exited: ${this.output}`);
        return (await fetch(`${this.url}/readyz`)).ok;
      },
      60_000,
      'the API to be ready',
    );
    return this;
  }

  exited(): Promise<number | null> {
    if (this.child.exitCode !== null) return Promise.resolve(this.child.exitCode);
    return new Promise((resolve) => this.child.once('exit', (code) => resolve(code)));
  }

  async stop(): Promise<void> {
    const exit = this.exited();
    this.child.kill('SIGTERM');
    await exit;
  }
}

let scratch: ScratchDatabase;
let db: Db;
beforeAll(async () => {
  scratch = await createScratchDatabase({ migrate: false });
  db = createDb(scratch.url, 2);
});
afterAll(async () => {
  await db?.$disconnect();
  await scratch?.drop();
});

describe('a default install (no secrets configured)', () => {
  it('keeps manage links and staff sessions working across a restart, and logs no secret', async () => {
    const port = await freePort();
    const env = {
      NODE_ENV: 'development',
      DATABASE_URL: scratch.url,
      SERVE_SPAS: 'false',
      NOTIFIER: 'off',
      SLOT_HORIZON_DAYS: '1',
      ADMIN_EMAIL: 'office@restart.test',
    };
    const first = await ServerRun.spawn(env, port).ready();
    const password = /First admin +office@restart\.test \/ (\S+)/.exec(first.output)?.[1];
    expect(password).toBeTruthy();

    const signIn = await fetch(`${first.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'office@restart.test', password }),
    });
    expect(signIn.status).toBe(200);
    const { accessToken } = (await signIn.json()) as { accessToken: string };
    const seva = await createSeva(db, { bookingOpensDaysAhead: 365 });
    const slot = await createSlot(db, { sevaId: seva.id, capacity: 5 });
    const booked = await fetch(`${first.url}/api/v1/bookings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        slotId: slot.id,
        devoteeName: 'Anantha',
        phone: uniquePhone(),
        persons: 1,
      }),
    });
    expect(booked.status).toBe(201);
    const { reference, manageToken } = (await booked.json()) as {
      reference: string;
      manageToken: string;
    };
    await first.stop();

    const second = await ServerRun.spawn(env, port).ready();
    try {
      const me = await fetch(`${second.url}/api/v1/auth/me`, {
        headers: { authorization: `Bearer ${accessToken}` },
      });
      const link = await fetch(`${second.url}/api/v1/bookings/${reference}?token=${manageToken}`);
      expect([me.status, link.status]).toEqual([200, 200]);
    } finally {
      await second.stop();
    }

    // Where the secrets come from is said on every start; the generated password is shown once,
    // on the banner, and is in no log line.
    for (const run of [first, second]) {
      expect(run.output).toMatch(
        /JWT_SECRET is not set: using the one generated for this database/,
      );
      expect(run.output).toMatch(/BOOKING_LINK_SECRET is not set/);
    }
    expect(first.output.split(password!).length - 1).toBe(1);
    expect(second.output).not.toContain(password);
    const logLines = first.output.split('\n').filter((line) => line.startsWith('{'));
    expect(logLines.length).toBeGreaterThan(0);
    expect(logLines.join('\n')).not.toContain(password);
    const kept = await db.serverSecret.findMany();
    expect(kept.map((s) => s.name).sort()).toEqual(['BOOKING_LINK_SECRET', 'JWT_SECRET']);
    for (const secret of kept) expect(first.output + second.output).not.toContain(secret.value);
  }, 180_000);
});

describe('a production start', () => {
  it('refuses a placeholder secret, naming the variable and not echoing it', async () => {
    const placeholder = 'replace-with-64-random-hex-characters-0123456789abcdef0123456789';
    const run = ServerRun.spawn(
      {
        NODE_ENV: 'production',
        DATABASE_URL: scratch.url,
        PUBLIC_URL: 'https://seva.example.org',
        JWT_SECRET: placeholder,
        BOOKING_LINK_SECRET: 'f3a9'.repeat(16),
      },
      await freePort(),
    );
    expect(await run.exited()).toBe(1);
    expect(run.output).toMatch(/^JWT_SECRET cannot be used in production/m);
    expect(run.output).not.toContain(placeholder);
  }, 60_000);
});
