import { randomBytes } from 'node:crypto';
import { connectionOptions, serverOptions } from '../src/db/connection-options.ts';
import { openConnection } from '../src/db/utc-driver.ts';

/** Every database the tests create starts with this, so stale ones are easy to find and drop. */
const TEST_DATABASE_PREFIX = 'sevabook_test_';

export function uniqueDatabaseName(): string {
  return `${TEST_DATABASE_PREFIX}${randomBytes(5).toString('hex')}`;
}

/** The same server, user and options as `databaseUrl`, with another database selected. */
export function databaseUrlNamed(databaseUrl: string, name: string): string {
  const url = new URL(databaseUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropDatabase(databaseUrl: string): Promise<void> {
  const { database } = connectionOptions(databaseUrl);
  const conn = await openConnection(serverOptions(databaseUrl));
  try {
    await conn.query(`DROP DATABASE IF EXISTS \`${database}\``);
  } finally {
    await conn.end();
  }
}

/**
 * Drops test databases left behind by runs that were killed before their teardown. Only those
 * older than a day: other runs (another engineer's, CI's) may be using the server right now.
 */
export async function dropStaleTestDatabases(databaseUrl: string): Promise<string[]> {
  const conn = await openConnection(serverOptions(databaseUrl));
  try {
    const rows = await conn.query<{ name: string }[]>(
      `SELECT TABLE_SCHEMA AS name FROM information_schema.TABLES
        WHERE TABLE_SCHEMA LIKE ? AND TABLE_NAME = '_prisma_migrations'
          AND CREATE_TIME < NOW() - INTERVAL 1 DAY`,
      [`${TEST_DATABASE_PREFIX.replaceAll('_', '\\_')}%`],
    );
    for (const { name } of rows) await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
    return rows.map((r) => r.name);
  } finally {
    await conn.end();
  }
}
