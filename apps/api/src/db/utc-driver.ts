import mariadb, {
  type Connection,
  type ConnectionConfig,
  type FieldInfo,
  type Pool,
  type PoolConfig,
  type Prepare,
  type QueryOptions,
  type TypeCastNextFunction,
  type TypeCastResult,
} from 'mariadb';

/**
 * Every pool and connection of the mariadb driver is opened here, so that no statement depends
 * on the process's time zone (`TZ`).
 *
 * NOTE: the driver writes a JavaScript `Date` in the process's local time and reads a DATETIME
 * as local time, whatever its `timezone` option says: that option only sets the session's
 * `time_zone`, which DATETIME columns ignore. On a server set to `Asia/Kolkata` a slot starting
 * at 04:30 UTC went to the database as 10:00, so `starts_at = ?` matched nothing and every
 * booking was refused. Prisma's adapter formats its own dates in UTC; the statements sent
 * through the driver directly (the booking transaction, the slot list's digest) did not.
 *
 * So here, on every pool and connection: a `Date` among a statement's values is sent as its UTC
 * text, and DATETIME, TIMESTAMP and DATE columns are read back as UTC instants. Callers pass and
 * receive `Date`s and cannot get the zone wrong.
 */

/** The instant as a DATETIME(3) literal in UTC: `2026-12-05 04:30:00.000`. */
function utcText(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new RangeError('Invalid Date sent to the database');
  // Concatenated by hand: it runs for every date of every booking, and toISOString costs
  // several times as much here.
  const month = date.getUTCMonth() + 1;
  const day = date.getUTCDate();
  const hours = date.getUTCHours();
  const minutes = date.getUTCMinutes();
  const seconds = date.getUTCSeconds();
  const ms = date.getUTCMilliseconds();
  return (
    date.getUTCFullYear() +
    (month < 10 ? '-0' : '-') +
    month +
    (day < 10 ? '-0' : '-') +
    day +
    (hours < 10 ? ' 0' : ' ') +
    hours +
    (minutes < 10 ? ':0' : ':') +
    minutes +
    (seconds < 10 ? ':0' : ':') +
    seconds +
    (ms < 10 ? '.00' : ms < 100 ? '.0' : '.') +
    ms
  );
}

/** The values of a statement with every Date (also inside `IN (?)` lists) as its UTC text. */
function utcValues<T>(values: T): T {
  if (Array.isArray(values)) {
    // One pass, and the caller's array itself when it holds no Date (most statements).
    let converted: unknown[] | undefined;
    for (let i = 0; i < values.length; i++) {
      const value: unknown = values[i];
      const sent =
        value instanceof Date ? utcText(value) : Array.isArray(value) ? utcValues(value) : value;
      if (sent !== value) {
        converted ??= values.slice();
        converted[i] = sent;
      }
    }
    return (converted ?? values) as T;
  }
  if (values instanceof Date) return utcText(values) as T;
  if (isPlainObject(values)) {
    // Named placeholders: { startsAt: Date, … }.
    return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, utcValues(v)])) as T;
  }
  return values;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype
  );
}

const DATE_TYPES = new Set<string>(['DATE', 'NEWDATE']);
const INSTANT_TYPES = new Set<string>(['DATETIME', 'DATETIME2', 'TIMESTAMP', 'TIMESTAMP2']);

/**
 * Reads date columns as UTC. With `dateStrings` on, `next()` gives the server's text in both
 * protocols (`2026-12-05 04:30:00.000`, `2026-12-05`); the session's time_zone is UTC
 * (connection-options.ts), so TIMESTAMP columns and NOW() come back in UTC too.
 */
function utcDates(field: FieldInfo, next: TypeCastNextFunction): TypeCastResult {
  const value = next();
  if (typeof value !== 'string') return value;
  if (INSTANT_TYPES.has(field.type)) {
    return value.startsWith('0000-00-00') ? null : new Date(`${value.replace(' ', 'T')}Z`);
  }
  if (DATE_TYPES.has(field.type)) {
    return value.startsWith('0000-00-00') ? null : new Date(`${value}T00:00:00Z`);
  }
  return value;
}

const READ_OPTIONS = { dateStrings: true, typeCast: utcDates } as const;

type Sql = string | QueryOptions;
type Send = (sql: Sql, values?: unknown) => unknown;

/** `sql` may carry its values itself ({ sql, values }); those are converted as well. */
function utcSql(sql: Sql): Sql {
  if (typeof sql === 'string') return sql;
  const withValues = sql as QueryOptions & { values?: unknown };
  return withValues.values === undefined
    ? sql
    : ({ ...sql, values: utcValues(withValues.values) } as QueryOptions);
}

/** Wraps the methods of `target` that send values, so their Dates go as UTC text. */
function convertValuesOf<T extends object>(target: T, methods: readonly string[]): T {
  const sending = target as unknown as Record<string, Send>;
  for (const method of methods) {
    const send = sending[method];
    if (typeof send !== 'function') continue;
    sending[method] = (sql: Sql, values?: unknown) =>
      send.call(target, utcSql(sql), utcValues(values));
  }
  return target;
}

const SENDING = ['query', 'queryStream', 'execute', 'batch'] as const;

function utcConnection<C extends Connection>(conn: C): C {
  convertValuesOf(conn, SENDING);
  const prepare = conn.prepare.bind(conn);
  conn.prepare = async (sql: Sql) => utcPrepared(await prepare(utcSql(sql)));
  const escape = conn.escape.bind(conn);
  conn.escape = (value: unknown) => escape(utcValues(value));
  return conn;
}

function utcPrepared(prepared: Prepare): Prepare {
  const execute = prepared.execute.bind(prepared);
  const executeStream = prepared.executeStream.bind(prepared);
  prepared.execute = (values?: unknown) => execute(utcValues(values));
  prepared.executeStream = (values?: unknown) => executeStream(utcValues(values));
  return prepared;
}

/** A mariadb pool whose statements and results are in UTC, whatever the process's zone. */
export function openPool(config: PoolConfig): Pool {
  const pool = convertValuesOf(mariadb.createPool({ ...config, ...READ_OPTIONS }), SENDING);
  const getConnection = pool.getConnection.bind(pool);
  // The pool hands out a fresh wrapper of its connection each time: each is converted once.
  pool.getConnection = async () => utcConnection(await getConnection());
  const escape = pool.escape.bind(pool);
  pool.escape = (value: unknown) => escape(utcValues(value));
  return pool;
}

/** A single mariadb connection whose statements and results are in UTC. */
export async function openConnection(config: ConnectionConfig): Promise<Connection> {
  return utcConnection(await mariadb.createConnection({ ...config, ...READ_OPTIONS }));
}
