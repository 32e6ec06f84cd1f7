import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import type { Db } from '../../src/db/client.ts';
import type { Database } from '../../src/db/database.ts';
import { withKeptSecrets } from '../../src/secrets/kept-secrets.ts';
import { twilioEnv, WorkerProcess } from '../chaos/processes.ts';
import { createScratchDatabase, openTestDatabase, type ScratchDatabase } from '../db.ts';
import { FakeTwilio } from '../fake-twilio.ts';
import { createSeva, createSlot, uniquePhone } from '../factories.ts';
import { eventually } from './notifier-harness.ts';

/**
 * `pnpm --filter @sevabook/api worker` on an install with no BOOKING_LINK_SECRET: the links it
 * sends must be the ones the API checks, so both must use the one kept in the database.
 */

let scratch: ScratchDatabase;
let database: Database;
let db: Db;
let fake: FakeTwilio;
let worker: WorkerProcess | undefined;

beforeAll(async () => {
  scratch = await createScratchDatabase();
  database = openTestDatabase(scratch.url, 2);
  db = database.prisma;
  fake = await new FakeTwilio().start();
});
afterAll(async () => {
  await worker?.stop();
  await fake?.close();
  await database?.close();
  await scratch?.drop();
});

describe('the notifier worker without a configured link secret', () => {
  it('sends the manage link the API made, from the secret kept in the database', async () => {
    const config = loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: scratch.url,
      SERVE_SPAS: 'false',
      NOTIFIER: 'off',
      LOG_LEVEL: 'silent',
    });
    expect(config.keptSecrets).toContain('BOOKING_LINK_SECRET');
    const app = await buildApp(await withKeptSecrets(config, db), { database, logger: false });
    const seva = await createSeva(db, { bookingOpensDaysAhead: 365 });
    const slot = await createSlot(db, { sevaId: seva.id, capacity: 5 });
    const phone = uniquePhone();
    const booked = await app.inject({
      method: 'POST',
      url: '/api/v1/bookings',
      payload: { slotId: slot.id, devoteeName: 'Gurudatta', phone, persons: 1 },
    });
    await app.close();
    expect(booked.statusCode).toBe(201);
    const { reference, manageToken } = booked.json<{ reference: string; manageToken: string }>();

    worker = WorkerProcess.start(scratch.url, twilioEnv(fake));
    const [message] = await eventually(() => {
      const sent = fake.messagesTo(phone);
      expect(sent).toHaveLength(1);
      return sent;
    }, 60_000);
    expect(message!.body).toContain(`/manage/${reference}?token=${manageToken}`);
  }, 90_000);
});
