import { DEFAULT_TEMPLE_TIMEZONE } from '@sevabook/shared';
import type { Pool } from 'mariadb';
import { pino } from 'pino';
import { afterAll, beforeAll, inject } from 'vitest';
import { createDb, type Db } from '../src/db/client.ts';
import { Database } from '../src/db/database.ts';
import { connectionOptions } from '../src/db/connection-options.ts';
import { applyMigrations, ensureDatabase } from '../src/db/migrate.ts';
import { openPool } from '../src/db/utc-driver.ts';
import { databaseUrlNamed, dropDatabase, uniqueDatabaseName } from './databases.ts';

/** The URL of this run's shared, migrated test database (made by test/global-setup.ts). */
export function testDatabaseUrl(): string {
  return inject('databaseUrl');
}

let database: Database | undefined;
let pool: Pool | undefined;

/**
 * The Prisma client of this test file, on the run's shared database. Created on first use and
 * closed after the file (test/setup-file.ts). Other files write to the same tables at the same
 * time: make your own rows with test/factories.ts and look only at those.
 */
export function testDb(): Db {
  return testDatabase().prisma;
}

/** This file's Database (its pool, booking writer, slot facts …) on the run's shared database. */
export function testDatabase(): Database {
  database ??= openTestDatabase(testDatabaseUrl(), 10);
  return database;
}

/** A Database of a test's own, on `url`; the test closes it. */
export function openTestDatabase(url: string, poolSize: number): Database {
  return new Database({
    databaseUrl: url,
    poolSize,
    timeZone: DEFAULT_TEMPLE_TIMEZONE,
    log: pino({ enabled: false }),
  });
}

/** A raw mariadb pool on the same database, for statements Prisma will not send. */
export function rawPool(): Pool {
  pool ??= openPool({ ...connectionOptions(testDatabaseUrl()), connectionLimit: 5 });
  return pool;
}

export async function closeTestConnections(): Promise<void> {
  const [client, raw] = [database, pool];
  database = undefined;
  pool = undefined;
  await client?.close();
  await raw?.end();
}

export interface ScratchDatabase {
  url: string;
  drop: () => Promise<void>;
}

/**
 * A database of the test's own on the same server, for what must start from nothing (applying
 * migrations, seeding an empty temple, whole-temple closed dates). Drop it when done.
 */
export async function createScratchDatabase({ migrate = true } = {}): Promise<ScratchDatabase> {
  const url = databaseUrlNamed(testDatabaseUrl(), uniqueDatabaseName());
  await ensureDatabase(url);
  if (migrate) await applyMigrations(url, { log: () => {} });
  return { url, drop: () => dropDatabase(url) };
}

/**
 * A migrated scratch database and a client on it, for all the tests of a file or `describe`;
 * dropped after them. NOTE: `db` exists once `beforeAll` has run; read it inside tests.
 */
export function scratchDbForSuite(): { readonly db: Db } {
  let scratch: ScratchDatabase | undefined;
  let db: Db | undefined;
  beforeAll(async () => {
    scratch = await createScratchDatabase();
    db = createDb(scratch.url, 2);
  });
  afterAll(async () => {
    await db?.$disconnect();
    await scratch?.drop();
  });
  return {
    get db() {
      if (!db) throw new Error('The scratch database is made in beforeAll: read db inside tests');
      return db;
    },
  };
}
