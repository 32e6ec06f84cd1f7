import type { FastifyBaseLogger } from 'fastify';
import type { Pool } from 'mariadb';
import { BookingWriter } from '../bookings/booking-writer.ts';
import { SlotFacts } from '../bookings/slot-facts.ts';
import { SlotListCache } from '../slots/slot-list-cache.ts';
import { openDatabasePool, prismaOn, type Db } from './client.ts';
import { connectionOptions } from './connection-options.ts';
import { DatabaseGate, PROBE_TIMEOUT_MS, watchPool } from './database-gate.ts';
import { openConnection } from './utc-driver.ts';

export interface DatabaseOptions {
  databaseUrl: string;
  poolSize: number;
  /** The temple's time zone: the slot lists' digests cover its days. */
  timeZone: string;
  log: FastifyBaseLogger;
}

/**
 * Everything the API holds of its database, made here and nowhere else, and closed in order.
 *
 * - `pool`: the one mariadb pool (db/utc-driver.ts: dates in UTC), shared by Prisma and by the
 *   booking path, which must pipeline its statements (docs/decisions/0006);
 * - `prisma`: the Prisma client on that pool, for every service;
 * - `bookingWriter`: the one writer of the pool (bookings/booking-writer.ts), which batches a
 *   busy slot's bookings and keeps a standby connection; batching works only if every booking
 *   of the process goes through it;
 * - `slotFacts`: the slots bookings are judged by, as last read (bookings/slot-facts.ts);
 * - `slotLists`: `GET /slots` answers kept while their rows are unchanged (slots/slot-list-cache.ts);
 * - `gate`: answers 503 at once while the server is away (db/database-gate.ts).
 *
 * One per process: plugins/db.ts makes it unless the caller hands one in (server.ts, tests),
 * and then the caller closes it.
 */
export class Database {
  readonly pool: Pool;
  readonly prisma: Db;
  readonly bookingWriter: BookingWriter;
  readonly slotFacts: SlotFacts;
  readonly slotLists: SlotListCache;
  readonly gate: DatabaseGate;

  constructor({ databaseUrl, poolSize, timeZone, log }: DatabaseOptions) {
    this.pool = openDatabasePool(databaseUrl, poolSize);
    this.prisma = prismaOn(this.pool);
    this.bookingWriter = new BookingWriter(this.pool);
    this.slotFacts = new SlotFacts(this.prisma);
    this.slotLists = new SlotListCache(this.pool, timeZone);
    // Whether the server is there at all, asked on a connection of its own: the pool's queue
    // may be long for good reasons.
    const reachable = async () => {
      const conn = await openConnection({
        ...connectionOptions(databaseUrl),
        connectTimeout: PROBE_TIMEOUT_MS,
      });
      await conn.end();
    };
    this.gate = new DatabaseGate(() => this.prisma.$queryRaw`SELECT 1`, log, reachable);
    watchPool(this.pool, this.gate);
  }

  /**
   * The writer gives back its standby connection first (the pool would otherwise wait ten
   * seconds for it), then Prisma disconnects, which ends the pool; bookings in flight finish.
   */
  async close(): Promise<void> {
    this.bookingWriter.close();
    await this.prisma.$disconnect();
  }
}
