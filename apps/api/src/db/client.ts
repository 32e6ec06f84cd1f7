import { PrismaMariaDb } from '@prisma/adapter-mariadb';
import type { Pool } from 'mariadb';
import { PrismaClient } from '../generated/prisma/client.ts';
import { connectionOptions } from './connection-options.ts';
import { openPool } from './utc-driver.ts';

export type Db = PrismaClient;
/** What a service receives: the client itself or an interactive transaction's client. */
export type Tx = Omit<
  PrismaClient,
  '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'
>;

/** A mariadb pool on `databaseUrl`, sized explicitly (the driver's default is 10). */
export function openDatabasePool(databaseUrl: string, poolSize: number): Pool {
  // Dates cross this pool in UTC whatever the process's TZ, for Prisma and raw statements alike.
  return openPool({
    ...connectionOptions(databaseUrl),
    connectionLimit: poolSize,
    // A flash sale queues hundreds of requests for a connection: let them wait their turn,
    // but not for ever. An unreachable server fails each connection attempt within 2 s.
    acquireTimeout: 10_000,
    connectTimeout: 2_000,
    // Prisma's statements go as text (below), so there is nothing to prepare or cache.
    prepareCacheLength: 0,
  });
}

/** A Prisma client on `pool`; its $disconnect ends the pool. */
export function prismaOn(pool: Pool): Db {
  // The text protocol sends a statement and its escaped values in one round trip; the binary
  // one prepares, executes and closes every statement (three commands, two round trips), which
  // cost this process measurably more under load (docs/decisions/0009).
  const adapter = new PrismaMariaDb(pool, { disposeExternalPool: true, useTextProtocol: true });
  return new PrismaClient({ adapter });
}

/**
 * A Prisma client on a pool of its own, for what needs nothing else of the database: the
 * worker, the seed, start-up. The API's booking path needs the whole of db/database.ts.
 */
export function createDb(databaseUrl: string, poolSize: number): Db {
  return prismaOn(openDatabasePool(databaseUrl, poolSize));
}
