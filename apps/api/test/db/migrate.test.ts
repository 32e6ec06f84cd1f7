import { createHash } from 'node:crypto';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { connectionOptions } from '../../src/db/connection-options.ts';
import { applyMigrations, defaultMigrationsDir } from '../../src/db/migrate.ts';
import { openConnection } from '../../src/db/utc-driver.ts';
import { createScratchDatabase, type ScratchDatabase } from '../db.ts';

const INIT = '20261124000000_init';
/** Every migration of the repository, in the order they apply. */
const ALL = (await readdir(defaultMigrationsDir, { withFileTypes: true }))
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

async function emptyDatabase(): Promise<ScratchDatabase> {
  const scratch = await createScratchDatabase({ migrate: false });
  cleanups.push(scratch.drop);
  return scratch;
}

/** A copy of the repository's migrations (or of the given ones) that a test may change. */
async function migrationsFolder(migrations?: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'sevabook-migrations-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  if (!migrations) {
    await cp(defaultMigrationsDir, dir, { recursive: true });
    return dir;
  }
  await writeFile(path.join(dir, 'migration_lock.toml'), 'provider = "mysql"\n');
  for (const [name, sql] of Object.entries(migrations)) await addMigration(dir, name, sql);
  return dir;
}

async function addMigration(dir: string, name: string, sql: string): Promise<void> {
  await mkdir(path.join(dir, name), { recursive: true });
  await writeFile(path.join(dir, name, 'migration.sql'), sql);
}

async function query<T>(url: string, sql: string, values: unknown[] = []): Promise<T[]> {
  const conn = await openConnection(connectionOptions(url));
  try {
    return await conn.query<T[]>(sql, values);
  } finally {
    await conn.end();
  }
}

interface BookkeepingRow {
  id: string;
  checksum: string;
  finished_at: Date | null;
  migration_name: string;
  logs: string | null;
  rolled_back_at: Date | null;
  started_at: Date;
  applied_steps_count: number;
}

const history = (url: string) =>
  query<BookkeepingRow>(
    url,
    'SELECT * FROM _prisma_migrations ORDER BY started_at, migration_name',
  );

const tables = async (url: string) =>
  (
    await query<{ name: string }>(
      url,
      'SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() ORDER BY 1',
    )
  ).map((t) => t.name);

describe('applyMigrations', () => {
  it('applies every migration to an empty database and names them', async () => {
    const { url } = await emptyDatabase();

    expect(await applyMigrations(url)).toEqual(ALL);

    expect(await tables(url)).toEqual(
      expect.arrayContaining([
        '_prisma_migrations',
        'seva',
        'schedule',
        'slot',
        'booking',
        'notification',
      ]),
    );
  });

  it('applies nothing the second time', async () => {
    const { url } = await emptyDatabase();
    await applyMigrations(url);

    expect(await applyMigrations(url)).toEqual([]);
    expect(await history(url)).toHaveLength(ALL.length);
  });

  it("keeps the bookkeeping rows exactly as Prisma's migrate deploy does", async () => {
    const { url } = await emptyDatabase();
    const before = Date.now();
    await applyMigrations(url);

    const [row, ...others] = await history(url);
    expect(others).toHaveLength(ALL.length - 1);
    const file = await readFile(path.join(defaultMigrationsDir, INIT, 'migration.sql'));
    expect(row).toMatchObject({
      migration_name: INIT,
      checksum: createHash('sha256').update(file).digest('hex'),
      applied_steps_count: 1,
      logs: null,
      rolled_back_at: null,
    });
    expect(row!.id).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(row!.started_at.getTime()).toBeGreaterThanOrEqual(before - 1_000);
    expect(row!.finished_at!.getTime()).toBeGreaterThanOrEqual(row!.started_at.getTime());

    const columns = await query<{
      name: string;
      type: string;
      nullable: string;
      dflt: string | null;
    }>(
      url,
      `SELECT COLUMN_NAME AS name, COLUMN_TYPE AS type, IS_NULLABLE AS nullable, COLUMN_DEFAULT AS dflt
         FROM information_schema.COLUMNS
        WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = '_prisma_migrations' ORDER BY ORDINAL_POSITION`,
    );
    expect(columns.map((c) => [c.name, c.type, c.nullable])).toEqual([
      ['id', 'varchar(36)', 'NO'],
      ['checksum', 'varchar(64)', 'NO'],
      ['finished_at', 'datetime(3)', 'YES'],
      ['migration_name', 'varchar(255)', 'NO'],
      ['logs', 'text', 'YES'],
      ['rolled_back_at', 'datetime(3)', 'YES'],
      ['started_at', 'datetime(3)', 'NO'],
      ['applied_steps_count', 'int(10) unsigned', 'NO'],
    ]);
    expect(columns.find((c) => c.name === 'started_at')?.dflt).toMatch(/current_timestamp\(3\)/i);
  });

  it('applies only the new migration when one is added', async () => {
    const { url } = await emptyDatabase();
    const dir = await migrationsFolder();
    await applyMigrations(url, { migrationsDir: dir });

    await addMigration(
      dir,
      '20261201000000_add_note',
      'ALTER TABLE `seva` ADD COLUMN `note` VARCHAR(20) NULL;',
    );

    expect(await applyMigrations(url, { migrationsDir: dir })).toEqual(['20261201000000_add_note']);
    expect((await history(url)).map((r) => r.migration_name)).toEqual([
      ...ALL,
      '20261201000000_add_note',
    ]);
  });

  it('refuses to go on when an applied migration was changed afterwards', async () => {
    const { url } = await emptyDatabase();
    const dir = await migrationsFolder();
    await applyMigrations(url, { migrationsDir: dir });
    const file = path.join(dir, INIT, 'migration.sql');
    await writeFile(file, `${await readFile(file, 'utf8')}\n-- an afterthought\n`);
    await addMigration(
      dir,
      '20261201000000_next',
      'CREATE TABLE `next_one` (`id` INTEGER NOT NULL);',
    );

    await expect(applyMigrations(url, { migrationsDir: dir })).rejects.toThrow(
      /20261124000000_init was changed after it was applied/,
    );
    expect(await tables(url)).not.toContain('next_one');
  });

  it('accepts an applied migration whose only change is Windows line endings', async () => {
    const { url } = await emptyDatabase();
    const dir = await migrationsFolder();
    await applyMigrations(url, { migrationsDir: dir });
    const file = path.join(dir, INIT, 'migration.sql');
    await writeFile(file, (await readFile(file, 'utf8')).replaceAll('\n', '\r\n'));

    expect(await applyMigrations(url, { migrationsDir: dir })).toEqual([]);
  });

  it('records a failed migration with its logs, and the unfinished row blocks every later deploy', async () => {
    const { url } = await emptyDatabase();
    const dir = await migrationsFolder({
      '0001_first': 'CREATE TABLE `first` (`id` INTEGER NOT NULL);',
      '0002_broken':
        'CREATE TABLE `second` (`id` INTEGER NOT NULL);\nCREATE TABLEE `third` (`id` INTEGER);',
    });

    await expect(applyMigrations(url, { migrationsDir: dir })).rejects.toThrow(
      /0002_broken failed/,
    );
    const [first, broken] = await history(url);
    expect(first).toMatchObject({ migration_name: '0001_first', applied_steps_count: 1 });
    expect(broken).toMatchObject({
      migration_name: '0002_broken',
      finished_at: null,
      applied_steps_count: 0,
    });
    expect(broken!.logs).toMatch(/Migration name: 0002_broken[\s\S]*Database error code: 1064/);
    // MySQL commits DDL as it goes: the statement before the error stays done.
    expect(await tables(url)).toContain('second');

    // Fixing the file is not enough: someone has to look at the half-applied database first.
    await addMigration(
      dir,
      '0002_broken',
      'CREATE TABLE IF NOT EXISTS `second` (`id` INTEGER NOT NULL);',
    );
    await addMigration(dir, '0003_later', 'CREATE TABLE `later` (`id` INTEGER NOT NULL);');
    await expect(applyMigrations(url, { migrationsDir: dir })).rejects.toThrow(
      /failed migrations[\s\S]*`0002_broken` migration started at .* failed with the following logs/,
    );
    expect(await tables(url)).not.toContain('later');

    // What `prisma migrate resolve --rolled-back 0002_broken` does: then it is applied afresh.
    await query(
      url,
      "UPDATE _prisma_migrations SET rolled_back_at = NOW(3) WHERE migration_name = '0002_broken'",
    );
    expect(await applyMigrations(url, { migrationsDir: dir })).toEqual([
      '0002_broken',
      '0003_later',
    ]);
    expect((await history(url)).filter((r) => r.migration_name === '0002_broken')).toHaveLength(2);
  });

  it('refuses a database that has tables but no migration history', async () => {
    const { url } = await emptyDatabase();
    await query(url, 'CREATE TABLE `legacy` (`id` INTEGER NOT NULL)');

    await expect(applyMigrations(url)).rejects.toThrow(/not empty .* no migration history/);
    expect(await tables(url)).toEqual(['legacy']);
  });

  it('applies each migration once when two deploys race on one database', async () => {
    const { url } = await emptyDatabase();

    const results = await Promise.all([applyMigrations(url), applyMigrations(url)]);

    expect(results.flat().sort()).toEqual(ALL);
    expect(await history(url)).toHaveLength(ALL.length);
  });

  it('refuses migrations written for another database provider', async () => {
    const { url } = await emptyDatabase();
    const dir = await migrationsFolder({ '0001_first': 'SELECT 1;' });
    await writeFile(path.join(dir, 'migration_lock.toml'), 'provider = "postgresql"\n');

    await expect(applyMigrations(url, { migrationsDir: dir })).rejects.toThrow(
      /"postgresql", not "mysql"/,
    );
  });
});
