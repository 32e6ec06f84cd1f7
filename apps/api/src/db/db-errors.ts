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
