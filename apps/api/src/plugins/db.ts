import fp from 'fastify-plugin';
import type { Db } from '../db/client.ts';
import { Database } from '../db/database.ts';
import { AppError } from '../errors.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Everything the API holds of its database (db/database.ts). */
    database: Database;
    /** Its Prisma client, which every service takes. */
    db: Db;
  }
}

/** The process's Database, closed with the app; one handed in is closed by whoever made it. */
export default fp<{ database?: Database }>(async function db(app, options) {
  const database =
    options.database ??
    new Database({
      databaseUrl: app.config.databaseUrl,
      poolSize: app.config.databasePoolSize,
      timeZone: app.config.templeTimeZone,
      log: app.log,
    });
  app.decorate('database', database);
  app.decorate('db', database.prisma);
  if (!options.database) app.addHook('onClose', async () => database.close());

  const { gate } = database;
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
