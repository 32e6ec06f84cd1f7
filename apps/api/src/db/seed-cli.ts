import { loadConfig } from '../config.ts';
import { createDb } from './client.ts';
import { checkDatabaseReachable } from './database-check.ts';
import { applyMigrations, ensureDatabase } from './migrate.ts';
import { ensureFirstAdmin, seedDemoData } from './seed.ts';

/**
 * `pnpm db:seed`: brings the database up to date, adds the demo Mutt when it has no sevas yet,
 * and creates the first admin when it has no staff user. Safe to run again.
 */
try {
  const config = loadConfig();
  await checkDatabaseReachable(config.databaseUrl);
  await ensureDatabase(config.databaseUrl);
  const log = (message: string) => console.info(message);
  await applyMigrations(config.databaseUrl, { log });

  const db = createDb(config.databaseUrl, 2);
  try {
    await seedDemoData(db, config, log);
    const admin = await ensureFirstAdmin(db, config, log);
    if (!admin) console.info('Staff accounts exist already; no admin created.');
    else if (admin.passwordGenerated) {
      // Straight to the terminal, once: note it now, it is not shown again.
      process.stdout.write(`  First admin    ${admin.email} / ${admin.password}\n`);
    }
  } finally {
    await db.$disconnect();
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
