import fp from 'fastify-plugin';
import { createDb, type Db } from '../db/client.ts';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
  }
}

/** One Prisma client per process; closed with the app. A test may hand in its own. */
export default fp<{ db?: Db }>(async function db(app, options) {
  const client = options.db ?? createDb(app.config.databaseUrl, app.config.databasePoolSize);
  app.decorate('db', client);
  if (!options.db) app.addHook('onClose', async () => client.$disconnect());
});
