import { createHash, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Connection } from 'mariadb';
import { connectionOptions, serverOptions } from './connection-options.ts';
import { openConnection } from './utc-driver.ts';

/**
 * Applies prisma/migrations the way `prisma migrate deploy` does, for machines where Prisma's
 * native schema engine is not available. It keeps Prisma's own bookkeeping table, row for row,
 * so either tool can take over from the other on the same database.
 */

/** Where progress and warnings go (console.info, a pino logger's info); silent by default. */
export type MigrationLog = (message: string) => void;

export interface ApplyMigrationsOptions {
  /** The folder holding `<timestamp>_<name>/migration.sql`; the repository's by default. */
  migrationsDir?: string;
  log?: MigrationLog;
}

export const defaultMigrationsDir = fileURLToPath(
  new URL('../../../../prisma/migrations', import.meta.url),
);

const MIGRATIONS_TABLE = '_prisma_migrations';
/** Prisma waits this long (seconds) for another deploy to finish before giving up. */
const LOCK_TIMEOUT_SECONDS = 10;

/** Creates the database named in the URL when it does not exist yet. */
export async function ensureDatabase(databaseUrl: string): Promise<void> {
  const { database } = connectionOptions(databaseUrl);
  const conn = await openConnection(serverOptions(databaseUrl));
  try {
    // The name was checked against [A-Za-z0-9_]+ by connectionOptions, so quoting is enough.
    await conn.query(
      `CREATE DATABASE IF NOT EXISTS \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
    );
  } finally {
    await conn.end();
  }
}

/**
 * Applies every migration not applied yet, in name order, and returns their names.
 * Refuses (throws) when a previous deploy failed half-way, when an applied migration's file
 * was changed afterwards, or when the database has tables but no migration history.
 */
export async function applyMigrations(
  databaseUrl: string,
  { migrationsDir = defaultMigrationsDir, log = () => {} }: ApplyMigrationsOptions = {},
): Promise<string[]> {
  const migrations = await readMigrations(migrationsDir);

  // NOTE: one connection with multipleStatements, so a migration.sql runs as one script exactly
  // as Prisma sends it; a pool could also hand the named lock and the script different sessions.
  const conn = await openConnection({
    ...connectionOptions(databaseUrl),
    multipleStatements: true,
  });
  try {
    await acquireLock(conn);
    try {
      await initialiseHistory(conn);
      const history = await readHistory(conn);
      refuseFailedMigrations(history);
      refuseEditedMigrations(history, migrations, log);

      const applied = new Set(history.filter((r) => !r.rolledBackAt).map((r) => r.name));
      const names: string[] = [];
      for (const migration of migrations.filter((m) => !applied.has(m.name))) {
        log(`Applying migration ${migration.name}`);
        await applyOne(conn, migration);
        names.push(migration.name);
      }
      return names;
    } finally {
      // Best effort: closing the connection below lets go of the lock in any case.
      await conn.query(`SELECT RELEASE_LOCK('prisma_migrate')`).catch(() => undefined);
    }
  } finally {
    await conn.end();
  }
}

interface Migration {
  name: string;
  script: string;
  checksum: string;
}

interface HistoryRow {
  id: string;
  name: string;
  checksum: string;
  startedAt: Date;
  finishedAt: Date | null;
  rolledBackAt: Date | null;
  logs: string | null;
}

async function readMigrations(dir: string): Promise<Migration[]> {
  const lockFile = path.join(dir, 'migration_lock.toml');
  if (existsSync(lockFile)) {
    const provider = /provider\s*=\s*"([^"]+)"/.exec(await readFile(lockFile, 'utf8'))?.[1];
    if (provider && provider !== 'mysql') {
      throw new Error(
        `${lockFile} says the migrations were written for "${provider}", not "mysql"; they cannot be applied here.`,
      );
    }
  }

  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const file = path.join(dir, name, 'migration.sql');
      if (!existsSync(file)) throw new Error(`Migration folder ${name} has no migration.sql`);
      const bytes = await readFile(file);
      return { name, script: bytes.toString('utf8'), checksum: sha256Hex(bytes) };
    }),
  );
}

function sha256Hex(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * Whether a migration's current text is the one that was applied. Like Prisma, it ignores a
 * change of line endings only (git on Windows turns LF into CRLF on checkout).
 */
function scriptMatchesChecksum(script: string, checksum: string): boolean {
  return [script, script.replaceAll('\r\n', '\n'), script.replaceAll('\n', '\r\n')].some(
    (variant) => sha256Hex(variant) === checksum,
  );
}

async function acquireLock(conn: Connection): Promise<void> {
  const [row] = await conn.query<[{ got: number | bigint | null }]>(
    `SELECT GET_LOCK('prisma_migrate', ?) AS got`,
    [LOCK_TIMEOUT_SECONDS],
  );
  if (Number(row.got) !== 1) {
    throw new Error(
      `Another migration is running on this database (could not take the 'prisma_migrate' lock within ${LOCK_TIMEOUT_SECONDS} s). Try again when it has finished.`,
    );
  }
}

/** Creates Prisma's table, as Prisma defines it, unless the history already exists. */
async function initialiseHistory(conn: Connection): Promise<void> {
  const tables = await conn.query<{ name: string }[]>(
    'SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()',
  );
  if (tables.some((t) => t.name === MIGRATIONS_TABLE)) return;
  if (tables.length > 0) {
    // Prisma's P3005: applying the first migration over existing tables would fail or, worse,
    // half succeed. Such a database must be baselined by hand (`prisma migrate resolve --applied`).
    throw new Error(
      `The database is not empty (it has ${tables.length} tables) but has no migration history. ` +
        'Use an empty database, or baseline this one with `prisma migrate resolve --applied <name>`.',
    );
  }
  await conn.query(`
    CREATE TABLE ${MIGRATIONS_TABLE} (
        id                      VARCHAR(36) PRIMARY KEY NOT NULL,
        checksum                VARCHAR(64) NOT NULL,
        finished_at             DATETIME(3),
        migration_name          VARCHAR(255) NOT NULL,
        logs                    TEXT,
        rolled_back_at          DATETIME(3),
        started_at              DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        applied_steps_count     INTEGER UNSIGNED NOT NULL DEFAULT 0
    ) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
}

async function readHistory(conn: Connection): Promise<HistoryRow[]> {
  return conn.query<HistoryRow[]>(
    `SELECT id, migration_name AS name, checksum, started_at AS startedAt,
            finished_at AS finishedAt, rolled_back_at AS rolledBackAt, logs
       FROM ${MIGRATIONS_TABLE}
      ORDER BY started_at, migration_name`,
  );
}

/** Prisma's P3009: a migration that started and neither finished nor was rolled back. */
function refuseFailedMigrations(history: HistoryRow[]): void {
  const failed = history.filter((r) => !r.finishedAt && !r.rolledBackAt);
  if (failed.length === 0) return;
  const details = failed.map((r) => {
    const logs = r.logs?.trim() ? ` with the following logs:\n${r.logs.trim()}` : '';
    return `The \`${r.name}\` migration started at ${r.startedAt.toISOString()} failed${logs}`;
  });
  throw new Error(
    'Found failed migrations in the target database; new migrations will not be applied.\n' +
      `${details.join('\n')}\n` +
      'Fix the database by hand, then mark the migration with ' +
      '`prisma migrate resolve --rolled-back <name>` (to retry it) or `--applied <name>`, ' +
      `or set rolled_back_at on its row in ${MIGRATIONS_TABLE}.`,
  );
}

/**
 * Stricter than `prisma migrate deploy`, which ignores edits: an applied migration whose file
 * changed means this database and a fresh one would differ, so stop before making it worse.
 */
function refuseEditedMigrations(
  history: HistoryRow[],
  migrations: Migration[],
  log: MigrationLog,
): void {
  const byName = new Map(migrations.map((m) => [m.name, m]));
  for (const row of history.filter((r) => r.finishedAt && !r.rolledBackAt)) {
    const migration = byName.get(row.name);
    if (!migration) {
      log(`Warning: migration ${row.name} is applied to the database but missing from the folder`);
    } else if (!scriptMatchesChecksum(migration.script, row.checksum)) {
      throw new Error(
        `Migration ${row.name} was changed after it was applied to this database ` +
          `(checksum ${row.checksum} in ${MIGRATIONS_TABLE}, ${migration.checksum} on disk). ` +
          'Restore the original file and put the change in a new migration.',
      );
    }
  }
}

async function applyOne(conn: Connection, migration: Migration): Promise<void> {
  const id = randomUUID();
  await conn.query(
    `INSERT INTO ${MIGRATIONS_TABLE} (id, checksum, started_at, migration_name) VALUES (?, ?, ?, ?)`,
    [id, migration.checksum, new Date(), migration.name],
  );
  try {
    // NOTE: no values are passed, so the driver sends the script untouched (a `?` in a comment
    // stays a `?`). MySQL commits every DDL statement as it goes: a failure half-way leaves the
    // row unfinished, which blocks the next deploy until someone looks.
    await conn.query(migration.script);
  } catch (error) {
    await conn.query(`UPDATE ${MIGRATIONS_TABLE} SET logs = ? WHERE id = ?`, [
      failureLog(migration.name, error),
      id,
    ]);
    throw new Error(`Migration ${migration.name} failed: ${describe(error)}`, { cause: error });
  }
  await conn.query(
    `UPDATE ${MIGRATIONS_TABLE} SET applied_steps_count = applied_steps_count + 1 WHERE id = ?`,
    [id],
  );
  await conn.query(`UPDATE ${MIGRATIONS_TABLE} SET finished_at = ? WHERE id = ?`, [new Date(), id]);
}

function failureLog(name: string, error: unknown): string {
  const code = (error as { errno?: number }).errno;
  return [
    `Migration name: ${name}`,
    ...(code ? [`Database error code: ${code}`] : []),
    `Database error:\n${describe(error)}`,
  ].join('\n\n');
}

function describe(error: unknown): string {
  const sqlMessage = (error as { sqlMessage?: string }).sqlMessage;
  return sqlMessage ?? (error instanceof Error ? error.message : String(error));
}
