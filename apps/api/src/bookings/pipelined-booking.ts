import type { Pool, PoolConnection, UpsertResult } from 'mariadb';
import type { Booking, BookingSource, Language } from '../generated/prisma/client.ts';
import type { Actor } from '../audit/audit-log.ts';
import { isLockFailure } from '../db/db-errors.ts';
import { REMINDER_LEAD_MS } from '../notifications/outbox.ts';

/**
 * The booking transaction of a flash sale, written for the slot's row lock.
 *
 * From the moment a booking locks its slot to COMMIT, every other booking of the slot waits.
 * Here the whole transaction, COMMIT included, goes to the server in one write on one
 * connection (the mariadb driver pipelines queries issued without waiting), so the lock is held
 * only for the server's own work; and one transaction may carry several bookings of the slot
 * (booking-writer.ts gathers them), so they share one lock wait and one COMMIT.
 * docs/decisions/0006 and 0007 have the reasoning and figures.
 *
 * Since COMMIT is sent before any answer is read, every statement is made conditional, in SQL.
 * For each booking, in order:
 *   1. INSERT the booking only if the slot is open, the places fit and the phone has not reached
 *      its cap of bookings of the seva that day (an abuse guard, not an invariant: two
 *      bookings of different slots at the same moment may both pass), reading the slot with
 *      FOR UPDATE (INSERT … SELECT … FOR UPDATE). It sees the places the bookings before it in
 *      the batch took. A duplicate phone, reference or idempotency key fails this statement
 *      alone, and the batch goes on;
 *   2. take the places only if that booking row exists.
 * Then, for all of them at once, the outbox rows and the audit entries of the bookings that
 * exist (INSERT … SELECT … WHERE reference IN …); COMMIT; and outside the transaction, read the
 * slot to say why a booking did not fit.
 *
 * The batch runs with autocommit off, so if the server rolls the transaction back part-way (a
 * deadlock victim), the statements after it open a new transaction that the COMMIT ends: they
 * still commit together or not at all. When any statement failed, which bookings exist is read
 * back after COMMIT rather than inferred, and those that were rolled back are tried again.
 * The CHECK on slot.booked still guards capacity. Raw SQL because Prisma cannot send statements
 * without waiting for each; the rows are the ones outbox.ts and audit-log.ts write, kept in
 * step by the booking tests.
 */

export interface BookingRow {
  reference: string;
  slotId: number;
  devoteeName: string;
  phone: string;
  email: string | null;
  persons: number;
  gotra: string | null;
  nakshatra: string | null;
  rashi: string | null;
  language: Language;
  /** The privacy notice the devotee site showed; null for counter and API bookings. */
  privacyNoticeVersion: string | null;
  source: BookingSource;
  idempotencyKey: string | null;
  idempotencyFingerprint: string | null;
  manageTokenHash: string;
  createdByStaffId: number | null;
  apiKeyId: number | null;
}

export type PipelinedOutcome =
  | { taken: true; booking: Booking }
  /** The slot is gone, no longer open or too full (its state when locked). Nothing was written. */
  | { taken: false; slot: SlotState | undefined };

/** What became of one booking of a batch. */
export type BatchOutcome =
  | PipelinedOutcome
  /** Rolled back with the others of its transaction (a deadlock victim): nothing was written. */
  | { retry: unknown }
  /** Refused by the database (a duplicate phone or key), or an error that must not be hidden. */
  | { error: unknown };

export interface SlotState {
  status: string;
  booked: number;
  capacity: number;
  /** Confirmed bookings of this phone for the seva that day (only with a phone limit). */
  phoneBookings?: number | bigint;
}

/** At most `max` confirmed bookings per phone for one seva between dayStart and dayEnd. */
export interface PhoneLimit {
  sevaId: number;
  dayStart: Date;
  dayEnd: Date;
  max: number;
}

/** What the transaction checks a booking against, and what it records beside it. */
export interface WriteTerms {
  /** When the slot starts, as the booking was judged: the booking is refused if it moved. */
  startsAt: Date;
  /** The seva as the booking was judged: refused if it has been changed or made inactive since. */
  judgedBy?: { sevaId: number; sevaUpdatedAt: Date };
  now: Date;
  actor: Actor;
  audit: unknown;
  phoneLimit?: PhoneLimit;
}

export interface BookingRequest {
  row: BookingRow;
  terms: WriteTerms;
}

export interface BatchResult {
  /** One per request, in order. */
  outcomes: BatchOutcome[];
  /** The slot as read just after COMMIT; undefined if it is gone. */
  slot: SlotState | undefined;
}

const PHONE_BOOKINGS = `(SELECT COUNT(*) FROM booking b JOIN slot d ON d.id = b.slot_id
  WHERE b.phone = ? AND b.status = 'confirmed' AND d.seva_id = ? AND d.starts_at >= ? AND d.starts_at < ?)`;

/** The slot starts when it did and its seva is active and unchanged (read without a lock). */
const AS_JUDGED = `starts_at = ? AND EXISTS (SELECT 1 FROM seva v
  WHERE v.id = slot.seva_id AND v.id = ? AND v.updated_at = ? AND v.active)`;

/** The two statements of one booking, queued on the connection in order. */
function sendBooking(conn: PoolConnection, { row, terms }: BookingRequest): Promise<unknown>[] {
  const { now, phoneLimit, judgedBy } = terms;
  const limitArgs = phoneLimit
    ? [row.phone, phoneLimit.sevaId, phoneLimit.dayStart, phoneLimit.dayEnd, phoneLimit.max]
    : [];
  const judgedArgs = judgedBy ? [terms.startsAt, judgedBy.sevaId, judgedBy.sevaUpdatedAt] : [];
  return [
    conn.query(
      `INSERT INTO booking (reference, slot_id, devotee_name, phone, email, persons, gotra, nakshatra,
         rashi, language, privacy_notice_version, source, idempotency_key, idempotency_fingerprint, manage_token_hash,
         created_by_staff_id, api_key_id, created_at, updated_at)
       SELECT ?, id, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM slot
       WHERE id = ? AND status = 'open' AND booked + ? <= capacity
       ${phoneLimit ? `AND ${PHONE_BOOKINGS} < ?` : ''}
       ${judgedBy ? `AND ${AS_JUDGED}` : ''} FOR UPDATE`,
      [
        row.reference,
        row.devoteeName,
        row.phone,
        row.email,
        row.persons,
        row.gotra,
        row.nakshatra,
        row.rashi,
        row.language,
        row.privacyNoticeVersion,
        row.source,
        row.idempotencyKey,
        row.idempotencyFingerprint,
        row.manageTokenHash,
        row.createdByStaffId,
        row.apiKeyId,
        now,
        now,
        row.slotId,
        row.persons,
        ...limitArgs,
        ...judgedArgs,
      ],
    ),
    conn.query(
      `UPDATE slot SET booked = booked + ?
       WHERE id = ? AND EXISTS (SELECT 1 FROM booking WHERE reference = ?)`,
      [row.persons, row.slotId, row.reference],
    ),
  ];
}

/**
 * The outbox rows and audit entries of every booking of the batch that was written, in two
 * statements: the confirmation, due now, and the reminder, unless the seva is less than a day
 * away; and one `booking.created` entry each.
 */
function sendOutboxAndAudit(
  conn: PoolConnection,
  requests: readonly BookingRequest[],
): Promise<unknown>[] {
  const { startsAt } = requests[0]!.terms;
  const now = new Date();
  const references = requests.map((r) => r.row.reference);
  const reminderDue = new Date(startsAt.getTime() - REMINDER_LEAD_MS);
  const withReminder = reminderDue > now;
  const audited = requests.map(({ row, terms: { actor, audit, now: at } }) => [
    row.reference,
    actor.type,
    actor.id ?? null,
    actor.label,
    JSON.stringify(audit),
    at,
  ]);
  return [
    conn.query(
      `INSERT INTO notification (booking_id, kind, event_seq, due_at, created_at, updated_at)
       SELECT id, 'confirmation', 1, ?, ?, ? FROM booking WHERE reference IN (?)
       ${withReminder ? "UNION ALL SELECT id, 'reminder', 0, ?, ?, ? FROM booking WHERE reference IN (?)" : ''}`,
      [now, now, now, references, ...(withReminder ? [reminderDue, now, now, references] : [])],
    ),
    conn.query(
      `INSERT INTO audit_entry (booking_id, entity_type, entity_id, action, actor_type, actor_id, actor_label, after, created_at)
       SELECT b.id, 'booking', b.id, 'booking.created', e.actor_type, e.actor_id, e.actor_label, e.after_state, e.created_at
       FROM (${audited
         .map(
           () =>
             'SELECT ? AS reference, ? AS actor_type, ? AS actor_id, ? AS actor_label, ? AS after_state, ? AS created_at',
         )
         .join(' UNION ALL ')}) e
       JOIN booking b ON b.reference = e.reference`,
      audited.flat(),
    ),
  ];
}

const STATEMENTS_PER_BOOKING = 2;

/**
 * Writes bookings of one slot in one pipelined transaction, in the order given, on a connection
 * of the pool. Throws only when the transaction's fate is unknown (the connection failed);
 * otherwise says what became of each.
 */
export async function writeBookings(
  pool: Pool,
  requests: readonly BookingRequest[],
): Promise<BatchResult> {
  if (requests.length === 0) return { outcomes: [], slot: undefined };
  const conn = await pool.getConnection();
  let reusable = false;
  try {
    const result = await sendBatch(conn, requests);
    reusable = true;
    return result;
  } finally {
    // A connection in an unknown state is dropped, never handed to the next caller.
    if (reusable) await conn.release().catch(() => undefined);
    else conn.destroy();
  }
}

/**
 * Sends the transaction of a batch on `conn` at once (before this returns), so that a caller
 * holding the connection may send the next batch behind it without waiting: the server runs
 * them one after the other, in order. Rejects only when the transaction's fate is unknown (the
 * connection failed), and then the connection must be dropped.
 */
export function sendBatch(
  conn: PoolConnection,
  requests: readonly BookingRequest[],
): Promise<BatchResult> {
  const slotId = requests[0]?.row.slotId;
  if (slotId === undefined) return Promise.resolve({ outcomes: [], slot: undefined });
  if (requests.some((r) => r.row.slotId !== slotId)) {
    return Promise.reject(new Error('A batch takes bookings of one slot'));
  }
  const control = [
    conn.query('SET autocommit = 0'),
    conn.query('SET TRANSACTION ISOLATION LEVEL READ COMMITTED'),
    conn.query('START TRANSACTION'),
  ];
  const statements = requests.flatMap((request) => sendBooking(conn, request));
  const shared = sendOutboxAndAudit(conn, requests);
  const commit = [conn.query('COMMIT'), conn.query('SET autocommit = 1')];
  const slotRead = conn.query<SlotState[]>(
    'SELECT status, booked, capacity FROM slot WHERE id = ?',
    [slotId],
  );
  // Wait for everything before reading anything: a rejected promise must not go unobserved.
  return Promise.all([
    Promise.allSettled(control),
    Promise.allSettled(statements),
    Promise.allSettled(shared),
    Promise.allSettled(commit),
    Promise.allSettled([slotRead]),
  ]).then(async ([controlDone, results, sharedDone, commitDone, slotDone]) => {
    const broken = [...controlDone, ...commitDone].find((r) => r.status === 'rejected');
    // The transaction's fate is unknown: the connection goes, the callers get the error.
    if (broken) throw broken.reason;
    const slot = slotDone[0].status === 'fulfilled' ? slotDone[0].value[0] : undefined;
    const outcomes = await outcomesOf(conn, requests, results, sharedDone, slot);
    await explainPhoneLimits(conn, requests, outcomes);
    return { outcomes, slot };
  });
}

/** What became of each booking of a committed batch, from what its statements answered. */
async function outcomesOf(
  conn: PoolConnection,
  requests: readonly BookingRequest[],
  results: PromiseSettledResult<unknown>[],
  sharedDone: PromiseSettledResult<unknown>[],
  slot: SlotState | undefined,
): Promise<BatchOutcome[]> {
  const ofBooking = (i: number) =>
    results.slice(i * STATEMENTS_PER_BOOKING, (i + 1) * STATEMENTS_PER_BOOKING);
  const sharedFailure = sharedDone.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  const anyFailed = sharedFailure !== undefined || results.some((r) => r.status === 'rejected');
  const outcomes: BatchOutcome[] = [];
  if (!anyFailed) {
    // Nothing failed: every statement ran in the one transaction, which committed.
    for (const [i, request] of requests.entries()) {
      const [inserted, placesTaken] = ofBooking(i).map((r) =>
        r.status === 'fulfilled' ? (r.value as UpsertResult) : undefined,
      );
      if (inserted?.affectedRows === 1 && placesTaken?.affectedRows === 1) {
        outcomes.push(taken(request, Number(inserted.insertId)));
      } else if (inserted?.affectedRows === 1 || placesTaken?.affectedRows === 1) {
        // Cannot happen while statement 2 runs under the lock statement 1 took; never hide it.
        outcomes.push({
          error: new Error(`Booking ${request.row.reference}: inserted without its places`),
        });
      } else {
        outcomes.push({ taken: false, slot });
      }
    }
    return outcomes;
  }
  // Something failed: a statement alone, or a whole transaction (a deadlock victim). Which
  // bookings exist now is read back, not inferred from which statements said they worked.
  const references = requests.map((r) => r.row.reference);
  const existing = new Map(
    (
      await conn.query<{ id: number; reference: string }[]>(
        'SELECT id, reference FROM booking WHERE reference IN (?)',
        [references],
      )
    ).map((b) => [b.reference, Number(b.id)]),
  );
  const somethingRolledBack = [...results, ...sharedDone].some(
    (r) => r.status === 'rejected' && isLockFailure(r.reason),
  );
  for (const [i, request] of requests.entries()) {
    const own = ofBooking(i);
    const ownFailure = own.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    const id = existing.get(request.row.reference);
    const insert = own[0];
    if (id !== undefined) {
      // Written. A statement that failed around it (its places, its outbox row, its audit
      // entry) is a fault to report, not to hide behind a confirmation.
      const fault = ownFailure ?? sharedFailure;
      outcomes.push(fault ? { error: fault.reason } : taken(request, id));
    } else if (insert?.status === 'rejected' && !isLockFailure(insert.reason)) {
      outcomes.push({ error: insert.reason });
    } else if (
      !somethingRolledBack &&
      insert?.status === 'fulfilled' &&
      (insert.value as UpsertResult).affectedRows === 0
    ) {
      outcomes.push({ taken: false, slot });
    } else {
      // Rolled back, or judged against places that a rolled-back booking held.
      outcomes.push({ retry: ownFailure?.reason ?? rolledBack });
    }
  }
  return outcomes;
}

const rolledBack = Object.assign(new Error('Rolled back with its transaction'), { errno: 1213 });

function taken({ row, terms }: BookingRequest, id: number): PipelinedOutcome {
  const { now } = terms;
  return {
    taken: true,
    booking: {
      id,
      ...row,
      status: 'confirmed',
      confirmedMark: 1,
      version: 1,
      cancelledAt: null,
      cancelledBy: null,
      cancelReason: null,
      createdAt: now,
      updatedAt: now,
    },
  };
}

/** A booking refused while its slot had room was refused for its phone: count them to say so. */
async function explainPhoneLimits(
  conn: PoolConnection,
  requests: readonly BookingRequest[],
  outcomes: BatchOutcome[],
): Promise<void> {
  for (const [i, outcome] of outcomes.entries()) {
    const request = requests[i]!;
    const limit = request.terms.phoneLimit;
    if (!limit || !('taken' in outcome) || outcome.taken || !outcome.slot) continue;
    const { status, booked, capacity } = outcome.slot;
    // Refused for want of places: the slot says so without a question to the database.
    if (status !== 'open' || booked + request.row.persons > capacity) continue;
    const [row] = await conn.query<{ n: number | bigint }[]>(`SELECT ${PHONE_BOOKINGS} AS n`, [
      request.row.phone,
      limit.sevaId,
      limit.dayStart,
      limit.dayEnd,
    ]);
    outcomes[i] = { taken: false, slot: { ...outcome.slot, phoneBookings: row?.n ?? 0 } };
  }
}
