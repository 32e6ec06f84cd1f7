import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManageTokens } from '../../src/bookings/manage-token.ts';
import { loadConfig } from '../../src/config.ts';
import { createDb, type Db } from '../../src/db/client.ts';
import { keptSecret, withKeptSecrets } from '../../src/secrets/kept-secrets.ts';
import { createScratchDatabase, type ScratchDatabase } from '../db.ts';

/**
 * A fresh database of its own: the secrets are made on the first start, as on a new install.
 * Each "process" below has a Prisma client of its own, as separate processes would.
 */
let scratch: ScratchDatabase;
const clients: Db[] = [];
const newProcess = () => {
  const db = createDb(scratch.url, 2);
  clients.push(db);
  return db;
};

beforeAll(async () => {
  scratch = await createScratchDatabase();
});
afterAll(async () => {
  await Promise.all(clients.map((db) => db.$disconnect()));
  await scratch.drop();
});

describe('secrets kept in the database when not configured', () => {
  it('are made once and found again by every later start, so links and sessions survive restarts', async () => {
    const announced: string[] = [];
    const env = { NODE_ENV: 'development', DATABASE_URL: scratch.url };
    const first = await withKeptSecrets(loadConfig(env), newProcess(), (m) => announced.push(m));
    const restarted = await withKeptSecrets(loadConfig(env), newProcess());

    expect(restarted.jwtSecret).toBe(first.jwtSecret);
    expect(restarted.bookingLinkSecret).toBe(first.bookingLinkSecret);
    expect(first.jwtSecret).not.toBe(first.bookingLinkSecret);
    expect(first.jwtSecret).toMatch(/^[0-9a-f]{64}$/);
    const link = (secret: string) => new ManageTokens(secret).tokenFor('SB-4F7KQ2');
    expect(link(restarted.bookingLinkSecret)).toBe(link(first.bookingLinkSecret));
    // The start-up log says where they come from, and never what they are.
    expect(announced).toHaveLength(2);
    expect(announced.join('\n')).toMatch(/JWT_SECRET is not set/);
    expect(announced.join('\n')).toMatch(/BOOKING_LINK_SECRET is not set/);
    expect(announced.join('\n')).not.toContain(first.jwtSecret);
    expect(announced.join('\n')).not.toContain(first.bookingLinkSecret);
  });

  it('are the same for processes that start at once on a new database', async () => {
    const processes = Array.from({ length: 6 }, () => newProcess());
    const values = await Promise.all(
      processes.map(async (db) => {
        const both = await Promise.all([
          keptSecret(db, 'JWT_SECRET'),
          keptSecret(db, 'BOOKING_LINK_SECRET'),
        ]);
        return both.join(' ');
      }),
    );
    expect(new Set(values).size).toBe(1);
    expect(await processes[0]!.serverSecret.count()).toBe(2);
  });

  it('leave secrets set in the environment alone', async () => {
    const configured = randomBytes(32).toString('hex');
    const config = loadConfig({
      NODE_ENV: 'development',
      JWT_SECRET: configured,
      BOOKING_LINK_SECRET: configured.split('').reverse().join(''),
    });
    const ready = await withKeptSecrets(config, newProcess(), () => {
      throw new Error('nothing should be announced');
    });
    expect(ready.jwtSecret).toBe(configured);
    expect(ready.keptSecrets).toEqual([]);
  });
});
