import { PrismaMariaDb } from '@prisma/adapter-mariadb';
import { PrismaClient } from '../generated/prisma/client.ts';
import { connectionOptions } from './connection-options.ts';

export type Db = PrismaClient;
/** What a service receives: the client itself or an interactive transaction's client. */
export type Tx = Omit<PrismaClient, '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'>;

/** The one Prisma client of a process, on a pool sized explicitly (the adapter's default is 10). */
export function createDb(databaseUrl: string, poolSize: number): Db {
  const adapter = new PrismaMariaDb({
    ...connectionOptions(databaseUrl),
    connectionLimit: poolSize,
    // A flash sale queues hundreds of requests for a connection: let them wait their turn,
    // but not for ever. An unreachable server fails each connection attempt within 2 s.
    acquireTimeout: 10_000,
    connectTimeout: 2_000,
  });
  return new PrismaClient({ adapter });
}
