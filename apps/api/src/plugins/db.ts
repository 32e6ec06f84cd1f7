import fp from 'fastify-plugin';
import { createDb, driverPoolOf, type Db } from '../db/client.ts';
import { connectionOptions } from '../db/connection-options.ts';
import { DatabaseGate, PROBE_TIMEOUT_MS, watchPool } from '../db/database-gate.ts';
import { openConnection } from '../db/utc-driver.ts';
import { AppError } from '../errors.ts';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    databaseGate: DatabaseGate;
  }
}

/** One Prisma client per process; closed with the app. A test may hand in its own. */
export default fp<{ db?: Db }>(async function db(app, options) {
  const client = options.db ?? createDb(app.config.databaseUrl, app.config.databasePoolSize);
  app.decorate('db', client);
  if (!options.db) app.addHook('onClose', async () => client.$disconnect());

  // Whether the server is there at all, asked on a connection of its own: the pool's queue may
  // be long for good reasons.
  const reachable = async () => {
    const conn = await openConnection({
      ...connectionOptions(app.config.databaseUrl),
      connectTimeout: PROBE_TIMEOUT_MS,
    });
    await conn.end();
  };
  const gate = new DatabaseGate(() => client.$queryRaw`SELECT 1`, app.log, reachable);
  app.decorate('databaseGate', gate);
  const pool = driverPoolOf(client);
  if (pool) watchPool(pool, gate);
  app.addHook('onRequest', async (request) => {
    // Only what needs the database: the sites' files and /healthz are served regardless.
    const needsDatabase = request.url.startsWith('/api/') || request.url.startsWith('/readyz');
    if (!gate.isOpen && needsDatabase) {
      throw new AppError(
        503,
        'service_unavailable',
        'Service unavailable',
        'The booking service cannot reach its database just now. Please try again shortly.',
        undefined,
        { 'retry-after': '5' },
      );
    }
  });
});
