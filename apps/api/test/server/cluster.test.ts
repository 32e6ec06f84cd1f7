import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type Db } from '../../src/db/client.ts';
import { ApiProcess } from '../chaos/processes.ts';
import { createScratchDatabase, type ScratchDatabase } from '../db.ts';
import { createSeva, createSlot, uniquePhone } from '../factories.ts';

/**
 * `pnpm start` with API_PROCESSES=2: one port, two HTTP workers. Each request below goes on a
 * new connection, and the cluster hands connections to the workers in turn, so a token or a
 * link made by one worker is used on the other.
 */

const ADMIN = { email: 'office@cluster.test', password: 'cluster-test-password' };

let scratch: ScratchDatabase;
let db: Db;
let api: ApiProcess;

beforeAll(async () => {
  scratch = await createScratchDatabase();
  db = createDb(scratch.url, 2);
  api = await ApiProcess.start(scratch.url, {
    API_PROCESSES: '2',
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
  });
}, 120_000);

afterAll(async () => {
  await api?.stop();
  await db?.$disconnect();
  await scratch?.drop();
});

/** One request on a connection of its own. */
function call(
  method: string,
  path: string,
  { body, headers = {} }: { body?: unknown; headers?: Record<string, string> } = {},
): Promise<{ status: number; json: () => unknown }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      `${api.url}${path}`,
      {
        method,
        agent: false,
        headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...headers },
      },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, json: () => JSON.parse(text) as unknown }),
        );
      },
    );
    req.on('error', reject);
    req.end(body ? JSON.stringify(body) : undefined);
  });
}

describe('API_PROCESSES=2', () => {
  it('accepts a staff token signed by one worker on every connection', async () => {
    const login = await call('POST', '/api/v1/auth/login', { body: ADMIN });
    expect(login.status).toBe(200);
    const { accessToken } = login.json() as { accessToken: string };

    const answers = await Promise.all(
      Array.from({ length: 12 }, () =>
        call('GET', '/api/v1/admin/sevas', { headers: { authorization: `Bearer ${accessToken}` } }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array<number>(12).fill(200));
  });

  it('opens a manage link on every connection, and never sells a place twice', async () => {
    const seva = await createSeva(db, { bookingOpensDaysAhead: 365 });
    const slot = await createSlot(db, { sevaId: seva.id, capacity: 5 });
    const attempts = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        call('POST', '/api/v1/bookings', {
          body: {
            slotId: slot.id,
            devoteeName: `Devotee ${'ABCDEFGHIJKL'[i]}`,
            phone: uniquePhone(),
            persons: 1,
          },
        }),
      ),
    );
    expect(attempts.filter((a) => a.status === 201)).toHaveLength(5);
    expect(attempts.filter((a) => a.status === 409)).toHaveLength(7);
    expect((await db.slot.findUniqueOrThrow({ where: { id: slot.id } })).booked).toBe(5);

    const made = attempts.find((a) => a.status === 201)!.json() as {
      reference: string;
      manageToken: string;
    };
    const lookups = await Promise.all(
      Array.from({ length: 6 }, () =>
        call('GET', `/api/v1/bookings/${made.reference}`, {
          headers: { 'x-booking-token': made.manageToken },
        }),
      ),
    );
    expect(lookups.map((l) => l.status)).toEqual(Array<number>(6).fill(200));
  });

  it('stops on SIGTERM, workers and all', async () => {
    await api.stop();
    await expect(call('GET', '/healthz')).rejects.toThrow(/ECONNREFUSED/);
  });
});
