import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PoolConnection } from 'mariadb';
import { rawPool, testDb } from '../db.ts';
import { createSeva, createSlot } from '../factories.ts';

/**
 * Every instant is UTC in the database and on the wire to it, whatever the process's TZ
 * (db/utc-driver.ts). These run under the suite's zone (vitest.config.ts: Asia/Kolkata unless
 * TZ says otherwise), where the mariadb driver on its own would send 10:00 for 04:30 UTC.
 */

const AT = new Date('2026-12-05T04:30:00.250Z');
const AT_TEXT = '2026-12-05 04:30:00.250';

describe('the zone the suite runs in', () => {
  it('is not UTC, as on the many Indian servers set to Asia/Kolkata', () => {
    expect(AT.getHours() * 60 + AT.getMinutes()).not.toBe(4 * 60 + 30);
  });
});

describe('dates through the driver', () => {
  const pool = rawPool();
  let conn: PoolConnection;
  beforeAll(async () => {
    conn = await pool.getConnection();
    await conn.query('CREATE TEMPORARY TABLE moment (at DATETIME(3), day DATE)');
  });
  afterAll(async () => {
    await conn.release();
  });

  it('sends a Date as its UTC time', async () => {
    const [row] = await pool.query<{ sent: string }[]>('SELECT CAST(? AS CHAR) AS sent', [AT]);
    expect(row?.sent).toBe(AT_TEXT);
  });

  it('stores a Date in UTC and reads it back as the same instant, on a pooled connection', async () => {
    await conn.query('INSERT INTO moment (at, day) VALUES (?, ?)', [AT, AT]);
    const [row] = await conn.query<{ at: Date; text: string; day: Date }[]>(
      'SELECT at, CAST(at AS CHAR) AS text, day FROM moment WHERE at = ?',
      [AT],
    );
    expect(row?.text).toBe(AT_TEXT);
    expect(row?.at).toEqual(AT);
    expect(row?.day).toEqual(new Date('2026-12-05T00:00:00Z'));
  });

  it('sends Dates in IN lists, batches and named placeholders as UTC too', async () => {
    const [listed] = await pool.query<{ found: number | bigint }[]>(
      "SELECT TIMESTAMP('2026-12-05 04:30:00.250') IN (?) AS found",
      [[new Date(0), AT]],
    );
    expect(Number(listed?.found)).toBe(1);

    await conn.batch('INSERT INTO moment (at) VALUES (?)', [[AT], [new Date(AT.getTime() + 1)]]);
    const [counted] = await conn.query<{ n: number | bigint }[]>(
      'SELECT COUNT(*) AS n FROM moment WHERE at BETWEEN ? AND ?',
      [AT_TEXT, '2026-12-05 04:30:00.251'],
    );
    expect(Number(counted?.n)).toBe(3);

    const [named] = await pool.query<{ sent: string }[]>(
      { sql: 'SELECT CAST(:at AS CHAR) AS sent', namedPlaceholders: true },
      { at: AT },
    );
    expect(named?.sent).toBe(AT_TEXT);
  });

  it('reads what the server makes in UTC: its session zone is UTC', async () => {
    const [row] = await pool.query<{ made: Date }[]>(
      "SELECT CONVERT_TZ(TIMESTAMP('2026-12-05 10:00:00'), '+05:30', @@session.time_zone) AS made",
    );
    expect(row?.made).toEqual(new Date('2026-12-05T04:30:00Z'));
  });

  it('finds by its start time a slot that Prisma stored', async () => {
    const db = testDb();
    const slot = await createSlot(db, { sevaId: (await createSeva(db)).id, startsAt: AT });
    const found = await pool.query<{ id: number }[]>(
      'SELECT id FROM slot WHERE id = ? AND starts_at = ?',
      [slot.id, new Date('2026-12-05T04:30:00Z')],
    );
    expect(found.map((r) => Number(r.id))).toEqual([slot.id]);
  });
});

const apiDir = fileURLToPath(new URL('../../', import.meta.url));

async function typeScriptFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.parentPath.includes('generated'))
    .map((e) => path.join(e.parentPath, e.name));
}

describe('connections to the database', () => {
  it('are opened only through db/utc-driver.ts, in the API and its tests', async () => {
    const opensDriver =
      /mariadb\.create(Pool|Connection)\b|import\s*\{[^}]*\bcreate(Pool|Connection)\b[^}]*\}\s*from\s*'mariadb'/;
    const files = [
      ...(await typeScriptFiles(path.join(apiDir, 'src'))),
      ...(await typeScriptFiles(path.join(apiDir, 'test'))),
    ];
    const offenders: string[] = [];
    for (const file of files) {
      if (file.endsWith(path.join('db', 'utc-driver.ts'))) continue;
      if (opensDriver.test(await readFile(file, 'utf8')))
        offenders.push(path.relative(apiDir, file));
    }
    expect(offenders).toEqual([]);
  });
});
