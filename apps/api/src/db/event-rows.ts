import type { ActorType, NotificationKind } from '../generated/prisma/client.ts';

/**
 * The rows a change leaves beside itself, in its own transaction: outbox rows (`notification`,
 * sent later by the notifier) and audit entries (`audit_entry`).
 *
 * Two kinds of transaction write them. The Prisma transactions (cancel, change, staff screens)
 * call notifications/outbox.ts and audit/audit-log.ts, which run the statements made here. The
 * booking transaction (bookings/pipelined-booking.ts) sends every statement before it reads
 * any answer, so it cannot know a new booking's id: it writes the rows of all the bookings of a
 * batch in two statements that find them by reference, made here from the same columns. A
 * column is added once, in `outboxColumns` or `auditColumns`.
 *
 * Raw SQL because the booking transaction cannot go through Prisma (docs/decisions/0006); the
 * Prisma transactions use the same statements so that the two cannot drift apart.
 */

export interface Statement {
  sql: string;
  values: unknown[];
}

export interface OutboxEvent {
  kind: NotificationKind;
  /** The booking version the message tells about; 0 for the reminder, of which there is one. */
  eventSeq: number;
  dueAt: Date;
}

export interface AuditRow {
  entityType: string;
  entityId: number;
  bookingId: number | null;
  action: string;
  actorType: ActorType;
  actorId: number | null;
  actorLabel: string;
  /** JSON text of the state before and after. */
  before: string | null;
  after: string | null;
  at: Date;
}

/** The booking's id, filled in by the statement when the booking is found by reference. */
const BOOKING_ID = Symbol('booking id');
type Id = number | typeof BOOKING_ID;
type Columns = [column: string, value: unknown][];
export type AuditFields = Omit<AuditRow, 'entityId' | 'bookingId'>;

function outboxColumns(bookingId: Id, event: OutboxEvent): Columns {
  const now = new Date();
  return [
    ['booking_id', bookingId],
    ['kind', event.kind],
    ['event_seq', event.eventSeq],
    ['due_at', event.dueAt],
    ['created_at', now],
    ['updated_at', now],
  ];
}

function auditColumns(entry: AuditFields, entityId: Id, bookingId: Id | null): Columns {
  return [
    ['entity_type', entry.entityType],
    ['entity_id', entityId],
    ['booking_id', bookingId],
    ['action', entry.action],
    ['actor_type', entry.actorType],
    ['actor_id', entry.actorId],
    ['actor_label', entry.actorLabel],
    ['before', entry.before],
    ['after', entry.after],
    ['created_at', entry.at],
  ];
}

/** One INSERT … VALUES of rows whose every value is known. */
function insertValues(table: string, rows: Columns[]): Statement {
  const names = rows[0]!.map(([column]) => `\`${column}\``).join(', ');
  const tuple = `(${rows[0]!.map(() => '?').join(', ')})`;
  return {
    sql: `INSERT INTO ${table} (${names}) VALUES ${rows.map(() => tuple).join(', ')}`,
    values: rows.flatMap((row) => row.map(([, value]) => value)),
  };
}

/** Outbox rows of one booking whose id is known. */
export function insertOutboxRows(bookingId: number, events: readonly OutboxEvent[]): Statement {
  return insertValues(
    'notification',
    events.map((event) => outboxColumns(bookingId, event)),
  );
}

/** Audit entries whose every value is known. */
export function insertAuditEntries(entries: readonly AuditRow[]): Statement {
  return insertValues(
    'audit_entry',
    entries.map((entry) => auditColumns(entry, entry.entityId, entry.bookingId)),
  );
}

/**
 * The same outbox rows for every booking of `references` that exists: a booking rolled back
 * gets none.
 */
export function insertOutboxRowsOfBookings(
  references: readonly string[],
  events: readonly OutboxEvent[],
): Statement {
  const rows = events.map((event) => outboxColumns(BOOKING_ID, event));
  const { select, values } = derivedTable(rows);
  return {
    sql: `INSERT INTO notification (${namesOf(rows[0]!)})
      SELECT ${selectList(rows[0]!)} FROM (${select}) e JOIN booking b ON b.reference IN (?)`,
    values: [...values, references],
  };
}

/** One audit entry for each booking of `entries` that exists, found by its reference. */
export function insertAuditEntriesOfBookings(
  entries: readonly { reference: string; entry: AuditFields }[],
): Statement {
  const rows = entries.map(({ reference, entry }): Columns => [
    ['reference', reference],
    ...auditColumns(entry, BOOKING_ID, BOOKING_ID),
  ]);
  const { select, values } = derivedTable(rows);
  const columns = rows[0]!.slice(1);
  return {
    sql: `INSERT INTO audit_entry (${namesOf(columns)})
      SELECT ${selectList(columns)} FROM (${select}) e JOIN booking b ON b.reference = e.reference`,
    values,
  };
}

function namesOf(row: Columns): string {
  return row.map(([column]) => `\`${column}\``).join(', ');
}

/** The booking's id where it is to be filled in, the derived table's column elsewhere. */
function selectList(row: Columns): string {
  return row
    .map(([column, value]) => (value === BOOKING_ID ? 'b.id' : `e.\`${column}\``))
    .join(', ');
}

/** `SELECT ? AS a, ? AS b UNION ALL SELECT ?, ?`, of every value but the booking's id. */
function derivedTable(rows: Columns[]): { select: string; values: unknown[] } {
  const known = rows.map((row) => row.filter(([, value]) => value !== BOOKING_ID));
  const first = known[0]!.map(([column]) => `? AS \`${column}\``).join(', ');
  const rest = known[0]!.map(() => '?').join(', ');
  const select = [`SELECT ${first}`, ...known.slice(1).map(() => `SELECT ${rest}`)].join(
    ' UNION ALL ',
  );
  return { select, values: known.flatMap((row) => row.map(([, value]) => value)) };
}

/** Runs a statement made here inside a Prisma transaction. */
export async function executeIn(
  tx: { $executeRawUnsafe: (sql: string, ...values: unknown[]) => Promise<number> },
  statement: Statement,
): Promise<void> {
  await tx.$executeRawUnsafe(statement.sql, ...statement.values);
}
