import { existsSync } from 'node:fs';
import type { PoolConfig } from 'mariadb';

/** Where MariaDB's Debian packages put the server socket. */
const DEBIAN_SOCKET = '/run/mysqld/mysqld.sock';

/**
 * Run on every new connection. The driver escapes values into statement text with backslashes
 * (the booking transaction, and Prisma's statements: docs/decisions/0009), which is only safe
 * while the session does not treat backslashes as plain characters; a server configured with
 * NO_BACKSLASH_ESCAPES would otherwise let a quote in a devotee's name end its string.
 */
const BACKSLASH_ESCAPES_ON =
  "SET SESSION sql_mode = TRIM(BOTH ',' FROM REPLACE(CONCAT(',', @@SESSION.sql_mode, ','), " +
  "',NO_BACKSLASH_ESCAPES,', ','))";

/**
 * Turns a DATABASE_URL (mysql://user:password@host:port/database) into mariadb driver options.
 *
 * NOTE: Debian's MariaDB authenticates root over the socket only. When the URL names root on
 * the local host without a password and the socket exists, we connect through the socket, so
 * the same default URL works there and on a developer's own MySQL 8.
 */
export function connectionOptions(databaseUrl: string): PoolConfig & { database: string } {
  const url = new URL(databaseUrl);
  if (url.protocol !== 'mysql:' && url.protocol !== 'mariadb:') {
    throw new Error(`DATABASE_URL must start with mysql:// (got ${url.protocol}//)`);
  }
  const database = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (!/^[A-Za-z0-9_]+$/.test(database)) {
    throw new Error('DATABASE_URL must name a database of letters, digits and underscores');
  }
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
    database,
    // The session's zone, for NOW() and TIMESTAMP columns: UTC, like every stored instant.
    // NOTE: the driver ignores this for the Dates it sends and reads; utc-driver.ts sees to those,
    // so open every pool and connection there, never with the driver's own functions.
    timezone: 'Z',
    initSql: BACKSLASH_ESCAPES_ON,
  };
}

/** The same server, without a database selected: for CREATE DATABASE and DROP DATABASE. */
export function serverOptions(databaseUrl: string): PoolConfig {
  const { database: _database, ...rest } = connectionOptions(databaseUrl);
  return rest;
}
