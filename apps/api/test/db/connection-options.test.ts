import type { Connection } from 'mariadb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectionOptions } from '../../src/db/connection-options.ts';
import { openConnection } from '../../src/db/utc-driver.ts';
import { testDatabaseUrl } from '../db.ts';

describe('a connection to a server that starts sessions with NO_BACKSLASH_ESCAPES', () => {
  let conn: Connection;
  beforeAll(async () => {
    conn = await openConnection({
      ...connectionOptions(testDatabaseUrl()),
      // As such a server would start the session.
      sessionVariables: { sql_mode: 'NO_BACKSLASH_ESCAPES,STRICT_TRANS_TABLES' },
    });
  });
  afterAll(() => conn.end());

  it('turns backslash escapes back on and keeps the other modes', async () => {
    const [mode] = await conn.query<{ mode: string }[]>('SELECT @@SESSION.sql_mode AS mode');
    expect(mode?.mode).toBe('STRICT_TRANS_TABLES');
  });

  it('gets back a value with quotes and backslashes as the driver sent it', async () => {
    const name = String.raw`O\'Brien'); DROP TABLE booking; -- \\`;
    const [row] = await conn.query<{ v: string }[]>('SELECT ? AS v', [name]);
    expect(row?.v).toBe(name);
  });
});
