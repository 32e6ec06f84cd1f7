import { existsSync } from 'node:fs';
import mariadb, { type Connection, type ConnectionConfig } from 'mariadb';

/** Where MariaDB's Debian packages put the server socket. */
const DEBIAN_SOCKET = '/run/mysqld/mysqld.sock';

export const DEFAULT_SERVER_URL = 'mysql://root@127.0.0.1:3306/sevabook';

/**
 * Driver options for a DATABASE_URL, the way the API reads it. NOTE: Debian's MariaDB lets root
 * in through the socket only, so root on the local host without a password uses the socket.
 */
function connectionConfig(databaseUrl: string, withDatabase = true): ConnectionConfig {
  const url = new URL(databaseUrl);
  const user = decodeURIComponent(url.username || 'root');
  const password = decodeURIComponent(url.password);
  const host = url.hostname || '127.0.0.1';
  const port = Number(url.port || 3306);
  const local = (host === 'localhost' || host === '127.0.0.1') && port === 3306;
  const socketPath =
    url.searchParams.get('socket') ??
    (local && user === 'root' && !password && existsSync(DEBIAN_SOCKET)
      ? DEBIAN_SOCKET
      : undefined);
  return {
    ...(socketPath ? { socketPath } : { host, port }),
    user,
    password,
    ...(withDatabase ? { database: decodeURIComponent(url.pathname.slice(1)) } : {}),
    timezone: 'Z',
  };
}

/** The same server URL with another database name. */
export function databaseUrlNamed(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function onServer<T>(
  serverUrl: string,
  work: (c: Connection) => Promise<T>,
): Promise<T> {
  const connection = await mariadb.createConnection(connectionConfig(serverUrl, false));
  try {
    return await work(connection);
  } finally {
    await connection.end();
  }
}

/**
 * A connection to the e2e database, for the few tests that must set up a situation a devotee
 * cannot (a slot with one place left, a slot past its cut-off).
 */
export async function withTestDatabase<T>(work: (c: Connection) => Promise<T>): Promise<T> {
  const url = process.env.E2E_DATABASE_URL;
  if (!url)
    throw new Error('E2E_DATABASE_URL is not set: run the specs through playwright.config.ts');
  const connection = await mariadb.createConnection(connectionConfig(url));
  try {
    return await work(connection);
  } finally {
    await connection.end();
  }
}
