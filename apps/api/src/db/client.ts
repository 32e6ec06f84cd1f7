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

const driverPools = new WeakMap<Db, Pool>();
const beforeEnd = new WeakMap<Pool, (() => void)[]>();

/** The one Prisma client of a process, on a pool sized explicitly (the adapter's default is 10). */
export function createDb(databaseUrl: string, poolSize: number): Db {
  // Dates cross this pool in UTC whatever the process's TZ, for Prisma and raw statements alike.
  const pool = openPool({
    ...connectionOptions(databaseUrl),
    connectionLimit: poolSize,
    // A flash sale queues hundreds of requests for a connection: let them wait their turn,
    // but not for ever. An unreachable server fails each connection attempt within 2 s.
    acquireTimeout: 10_000,
    connectTimeout: 2_000,
    // Prisma's statements go as text (below), so there is nothing to prepare or cache.
    prepareCacheLength: 0,
  });
  // Whoever keeps a connection of the pool (the booking writer keeps one ready) gives it back
  // first; the pool would otherwise wait ten seconds for it when the client disconnects.
  const end = pool.end.bind(pool);
  pool.end = () => {
    for (const giveBack of beforeEnd.get(pool) ?? []) giveBack();
    return end();
  };
  // The text protocol sends a statement and its escaped values in one round trip; the binary
  // one prepares, executes and closes every statement (three commands, two round trips), which
  // cost this process measurably more under load (docs/decisions/0009).
  const adapter = new PrismaMariaDb(pool, { disposeExternalPool: true, useTextProtocol: true });
  const db = new PrismaClient({ adapter });
  driverPools.set(db, pool);
  return db;
}

/**
 * The mariadb pool under a client made by createDb, for the one path that must pipeline its
 * statements (bookings/pipelined-booking.ts, docs/decisions/0006); undefined for any other client.
 */
export function driverPoolOf(db: Db): Pool | undefined {
  return driverPools.get(db);
}

/** Runs `giveBack` just before the pool of a client made by createDb ends. */
export function beforePoolEnds(pool: Pool, giveBack: () => void): void {
  beforeEnd.set(pool, [...(beforeEnd.get(pool) ?? []), giveBack]);
}
