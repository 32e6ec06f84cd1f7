import fp from 'fastify-plugin';
import { createDb, type Db } from '../db/client.ts';
import { DatabaseGate } from '../db/database-gate.ts';
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

  const gate = new DatabaseGate(() => client.$queryRaw`SELECT 1`, app.log);
  app.decorate('databaseGate', gate);
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
