import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import { devoteeActor } from '../../src/audit/audit-log.ts';
import { cancelBooking } from '../../src/bookings/cancel-booking.ts';
import { createBooking } from '../../src/bookings/create-booking.ts';
import { ManageTokens } from '../../src/bookings/manage-token.ts';
import { loadConfig, type Config, type OutboxSettings } from '../../src/config.ts';
import type { Db } from '../../src/db/client.ts';
import type { Database } from '../../src/db/database.ts';
import type { Language } from '../../src/generated/prisma/client.ts';
import { createNotifier } from '../../src/notifications/create-notifier.ts';
import type { Notifier, NotifierLog } from '../../src/notifications/notifier.ts';
import { createScratchDatabase, openTestDatabase, type ScratchDatabase } from '../db.ts';
import { createSeva, createSlot, uniquePhone } from '../factories.ts';
import { FakeTwilio } from './../fake-twilio.ts';

/**
 * A notifier test's world: its own database (a notifier claims every due row, so it must not
 * share one with other test files' bookings), a fake Twilio, and notifiers configured to send
 * there with small, fast retry settings.
 */

const FAST_OUTBOX: OutboxSettings = {
  ratePerSec: 100,
  maxAttempts: 50,
  backoffBaseMs: 50,
  backoffMaxMs: 200,
  leaseMs: 3_000,
  pollMs: 20,
  sendTimeoutMs: 500,
  reconcileAfterMs: 50,
};

export const PUBLIC_URL = 'https://seva.example.org';

/** The link secret of this test process's notifiers, so tests can work out the links they send. */
const BOOKING_LINK_SECRET = randomBytes(32).toString('hex');

export const silentLog: NotifierLog = { info() {}, warn() {}, error() {}, debug() {} };

export interface Harness {
  database: Database;
  db: Db;
  scratch: ScratchDatabase;
  fake: FakeTwilio;
  config(outbox?: Partial<OutboxSettings>, env?: Record<string, string>): Config;
  notifier(
    outbox?: Partial<OutboxSettings>,
    options?: { workerId?: string; env?: Record<string, string> },
  ): Notifier;
  close(): Promise<void>;
}

async function startHarness(): Promise<Harness> {
  const scratch = await createScratchDatabase();
  const database = openTestDatabase(scratch.url, 10);
  const db = database.prisma;
  const fake = await new FakeTwilio().start();
  const notifiers: Notifier[] = [];
  const config = (outbox: Partial<OutboxSettings> = {}, env: Record<string, string> = {}) => {
    const base = loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: scratch.url,
      PUBLIC_URL,
      LOG_LEVEL: 'silent',
      NOTIFIER: 'off',
      TEMPLE_NAME: 'Sri Test Mutt',
      TWILIO_ACCOUNT_SID: fake.accountSid,
      TWILIO_AUTH_TOKEN: fake.authToken,
      TWILIO_WHATSAPP_FROM: '+14155238886',
      TWILIO_API_BASE: fake.url,
      BOOKING_LINK_SECRET,
      ...env,
    });
    return { ...base, outbox: { ...FAST_OUTBOX, ...outbox } };
  };
  return {
    database,
    db,
    scratch,
    fake,
    config,
    notifier(outbox = {}, options = {}) {
      const notifier = createNotifier(
        config(outbox, options.env),
        db,
        silentLog,
        options.workerId ? { workerId: options.workerId } : {},
      );
      notifiers.push(notifier);
      return notifier;
    },
    async close() {
      await Promise.all(notifiers.map((n) => n.stop()));
      await fake.close();
      await database.close();
      await scratch.drop();
    },
  };
}

/**
 * One harness for all the tests of a file: started before the first, closed after the last.
 * NOTE: it is empty until `beforeAll` has run, so use it in tests and hooks only. A file's own
 * `afterAll` runs before this one's, while the harness is still up.
 */
export function harnessForSuite(): Harness {
  const harness = {} as Harness;
  let started = false;
  beforeAll(async () => {
    Object.assign(harness, await startHarness());
    started = true;
  });
  afterAll(async () => {
    if (started) await harness.close();
  });
  return harness;
}

export const tokens = new ManageTokens(BOOKING_LINK_SECRET);

/** A booking made the way the API makes one, with its outbox rows. */
export async function book(
  database: Database,
  options: {
    slotId?: number;
    language?: Language;
    phone?: string;
    startsAt?: Date;
    devoteeName?: string;
  } = {},
) {
  const db = database.prisma;
  const slotId =
    options.slotId ??
    (
      await createSlot(db, {
        sevaId: (await createSeva(db)).id,
        ...(options.startsAt ? { startsAt: options.startsAt } : {}),
      })
    ).id;
  const result = await createBooking(
    { database, timeZone: 'Asia/Kolkata', tokens },
    {
      slotId,
      devoteeName: options.devoteeName ?? 'Lakshmi Rao',
      phone: options.phone ?? uniquePhone(),
      persons: 1,
      email: undefined,
      language: options.language ?? 'en',
      source: 'web',
      actor: devoteeActor,
    },
  );
  return result.booking;
}

export function cancel(database: Database, bookingId: number) {
  return cancelBooking({ database, timeZone: 'Asia/Kolkata', tokens }, bookingId, {
    actor: devoteeActor,
    enforceCutOff: false,
  });
}

/** Polls until `check` passes (it throws while not yet), or fails with its last error. */
export async function eventually<T>(check: () => Promise<T> | T, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
}

/** Every row of these bookings, by id. */
export function rowsOf(db: Db, bookingIds: number[]) {
  return db.notification.findMany({
    where: { bookingId: { in: bookingIds } },
    orderBy: { id: 'asc' },
  });
}
