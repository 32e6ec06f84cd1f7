import { loadConfig } from '../config.ts';
import { checkDatabaseReachable } from './database-check.ts';
import { applyMigrations, ensureDatabase } from './migrate.ts';

/**
 * `pnpm db:migrate`: creates the database when missing and applies pending migrations, where
 * `prisma migrate deploy` cannot run (it needs Prisma's native schema engine).
 */
try {
  const config = loadConfig();
  await checkDatabaseReachable(config.databaseUrl);
  await ensureDatabase(config.databaseUrl);
  const applied = await applyMigrations(config.databaseUrl, {
    log: (message) => console.info(message),
  });
  console.info(
    applied.length > 0
      ? `Applied ${applied.length} migration(s): ${applied.join(', ')}`
      : 'The database is up to date; no migration to apply.',
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
