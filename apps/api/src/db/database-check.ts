import type { Connection } from 'mariadb';
import { serverOptions } from './connection-options.ts';
import { openConnection } from './utc-driver.ts';

/** Codes the driver and the OS give when nothing (or the wrong thing) listens at the address. */
const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ENOENT',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ER_CONNECTION_TIMEOUT',
  'ER_GET_CONNECTION_TIMEOUT',
  'ER_SOCKET_UNEXPECTED_CLOSE',
]);
const ACCESS_DENIED = new Set(['ER_ACCESS_DENIED_ERROR', 'ER_ACCESS_DENIED_NO_PASSWORD_ERROR']);

class DatabaseUnreachableError extends Error {
  override name = 'DatabaseUnreachableError';
}

/**
 * Connects to the server of DATABASE_URL (without selecting the database, which may not exist
 * yet) and returns its version. When no server answers, or it refuses the user, throws a
 * DatabaseUnreachableError whose message says what to do, for `pnpm start` to print as it is.
 */
export async function checkDatabaseReachable(databaseUrl: string): Promise<string> {
  const options = serverOptions(databaseUrl);
  const where = options.socketPath ?? `${options.host}:${options.port}`;
  let conn: Connection | undefined;
  try {
    conn = await openConnection({ ...options, connectTimeout: 3_000 });
    const [row] = await conn.query<[{ version: string }]>('SELECT VERSION() AS version');
    return row.version;
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    const reason = error instanceof Error ? error.message : String(error);
    if (ACCESS_DENIED.has(code)) {
      throw new DatabaseUnreachableError(
        accessDeniedAdvice(where, options.user ?? 'root', reason),
        {
          cause: error,
        },
      );
    }
    if (UNREACHABLE.has(code) || !code) {
      throw new DatabaseUnreachableError(noServerAdvice(where, reason), { cause: error });
    }
    throw error;
  } finally {
    await conn?.end().catch(() => undefined);
  }
}

function noServerAdvice(where: string, reason: string): string {
  return [
    `No MySQL/MariaDB server answers at ${where} (${reason}).`,
    'Sevabook needs MySQL 8 or MariaDB 10.6+. Either start one on this machine:',
    '  Debian/Ubuntu:  sudo apt-get install -y mariadb-server && sudo service mariadb start',
    '  macOS:          brew install mariadb && brew services start mariadb',
    'or point DATABASE_URL at a server you already have, for example in .env:',
    '  DATABASE_URL=mysql://sevabook:secret@db.example.org:3306/sevabook',
    'The database itself is created on first start.',
  ].join('\n');
}

function accessDeniedAdvice(where: string, user: string, reason: string): string {
  return [
    `The database server at ${where} refused user '${user}' (${reason}).`,
    'Put a user and password it accepts in DATABASE_URL (mysql://user:password@host:3306/sevabook),',
    'or create one that may also create the test databases, e.g.:',
    `  sudo mariadb -e "CREATE USER 'sevabook'@'localhost' IDENTIFIED BY 'secret';` +
      ` GRANT ALL ON \\\`sevabook%\\\`.* TO 'sevabook'@'localhost';"`,
    '  DATABASE_URL=mysql://sevabook:secret@127.0.0.1:3306/sevabook',
  ].join('\n');
}
