/**
 * Recognising database failures by what they are, not by where they came from: the Prisma
 * client wraps driver errors, and the driver adapter wraps MariaDB's own.
 */

interface ErrorLike {
  name?: unknown;
  sqlState?: unknown;
  code?: unknown;
  message?: unknown;
  meta?: unknown;
  cause?: unknown;
}

function chain(error: unknown): ErrorLike[] {
  const out: ErrorLike[] = [];
  let current: unknown = error;
  for (let depth = 0; current && typeof current === 'object' && depth < 6; depth++) {
    const link: ErrorLike = current;
    out.push(link);
    current = link.cause;
  }
  return out;
}

function asText(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

function text(error: unknown): string {
  return chain(error)
    .map((e) => `${asText(e.code)} ${asText(e.message)} ${JSON.stringify(e.meta ?? '')}`)
    .join(' | ');
}

/** A unique index was violated; `index` narrows it to one named index. */
export function isUniqueViolation(error: unknown, index?: string): boolean {
  const all = text(error);
  const unique = /P2002|ER_DUP_ENTRY|Duplicate entry|UniqueConstraintViolation/.test(all);
  return unique && (index === undefined || all.includes(index));
}

/** A CHECK constraint rejected the statement. */
export function isCheckViolation(error: unknown, constraint?: string): boolean {
  const all = text(error);
  const check = /ER_CONSTRAINT_FAILED|CHECK constraint|4025/.test(all);
  return check && (constraint === undefined || all.includes(constraint));
}

/**
 * Whether the error came from the database layer: the mariadb driver gives all its errors an
 * SQL state (also those of the socket under it), and Prisma's and its adapter's have names of
 * their own.
 */
function fromDatabase(error: unknown): boolean {
  return chain(error).some(
    (link) =>
      typeof link.sqlState === 'string' ||
      (typeof link.name === 'string' &&
        /^(SqlError|DriverAdapterError|PrismaClient\w*Error)$/.test(link.name)),
  );
}

/**
 * The database cannot be reached or the pool could not hand out a connection in time.
 * NOTE: only errors of the database layer count. A client that drops its connection half-way
 * through a request body makes Node fail the request with `aborted` (ECONNRESET), which must
 * never be taken for the database going away: every other request would be refused with it.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (!fromDatabase(error)) return false;
  return /ECONNREFUSED|ER_GET_CONNECTION_TIMEOUT|retrieve connection from pool timeout|pool timeout|Connection closed|ER_CONNECTION_ALREADY_CLOSED|ER_SOCKET_UNEXPECTED_CLOSE|DatabaseNotReachable|P1001|P2024|ECONNRESET|socket has unexpectedly been closed|Too many connections/i.test(
    text(error),
  );
}

const DEADLOCK = 1213;
const LOCK_WAIT_TIMEOUT = 1205;

function hasErrno(error: unknown, errno: number): boolean {
  return chain(error).some((link) => (link as { errno?: unknown }).errno === errno);
}

/**
 * InnoDB chose this transaction as a deadlock victim and rolled it back in full, so running it
 * again is safe. Prisma reports it as P2034 or in its message, the driver by errno and code.
 */
function isDeadlock(error: unknown): boolean {
  return (
    hasErrno(error, DEADLOCK) || /P2034|ER_LOCK_DEADLOCK|deadlock|write conflict/i.test(text(error))
  );
}

/**
 * A statement of a pipelined booking that wrote nothing because of a lock: a deadlock victim,
 * or a lock wait that timed out. Its booking is tried again (bookings/booking-writer.ts).
 */
export function isLockFailure(error: unknown): boolean {
  return isDeadlock(error) || hasErrno(error, LOCK_WAIT_TIMEOUT);
}

/** Tries of a transaction that keeps being chosen as a deadlock victim. */
const DEADLOCK_ATTEMPTS = 3;

/**
 * Runs an interactive transaction again when InnoDB rolls it back as a deadlock victim: it
 * locks rows that another transaction is locking in a different order (a booking row, then
 * slot rows).
 */
export async function withDeadlockRetry<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= DEADLOCK_ATTEMPTS || !isDeadlock(error)) throw error;
    }
  }
}
