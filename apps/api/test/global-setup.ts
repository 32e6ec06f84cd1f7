import type { TestProject } from 'vitest/node';
import { loadConfig } from '../src/config.ts';
import { checkDatabaseReachable } from '../src/db/database-check.ts';
import { applyMigrations, ensureDatabase } from '../src/db/migrate.ts';
import {
  databaseUrlNamed,
  dropDatabase,
  dropStaleTestDatabases,
  uniqueDatabaseName,
} from './databases.ts';

/**
 * Once per `vitest run`: makes a fresh database on the server of DATABASE_URL (or the default
 * one), applies the migrations to it once, hands its URL to every test file (`inject`), and
 * drops it at the end. The developer's own database is never touched.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const serverUrl = loadConfig().databaseUrl;
  await checkDatabaseReachable(serverUrl);
  await dropStaleTestDatabases(serverUrl);

  const databaseUrl = databaseUrlNamed(serverUrl, uniqueDatabaseName());
  await ensureDatabase(databaseUrl);
  await applyMigrations(databaseUrl, { log: () => {} });
  project.provide('databaseUrl', databaseUrl);

  return async () => {
    await dropDatabase(databaseUrl);
  };
}
