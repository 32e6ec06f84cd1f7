import type { Pool, PoolConnection, UpsertResult } from 'mariadb';
import type { Booking } from '../generated/prisma/client.ts';
import { isLockFailure } from '../db/db-errors.ts';
import type { Statement } from '../db/event-rows.ts';
import {
  bookingStatements,
  outboxAndAuditStatements,
  paymentColumns,
  phoneBookingsStatement,
  STATEMENTS_PER_BOOKING,
  type BookingRequest,
} from './booking-statements.ts';

/**
 * The booking transaction of a flash sale, written for the slot's row lock.
 *
 * From the moment a booking locks its slot to COMMIT, every other booking of the slot waits.
 * Here the whole transaction, COMMIT included, goes to the server in one write on one
 * connection (the mariadb driver pipelines queries issued without waiting), so the lock is held
 * only for the server's own work; and one transaction may carry several bookings of the slot
 * (booking-writer.ts gathers them), so they share one lock wait and one COMMIT.
 * docs/decisions/0006 and 0007 have the reasoning and figures; booking-statements.ts the SQL,
 * each statement conditional on the one before, since COMMIT is sent before any answer is read.
 *
 * After COMMIT, outside the transaction, the slot is read to say why a booking did not fit.
 * The batch runs with autocommit off, so if the server rolls the transaction back part-way (a
 * deadlock victim), the statements after it open a new transaction that the COMMIT ends: they
 * still commit together or not at all. When any statement failed, which bookings exist is read
 * back after COMMIT rather than inferred, and those that were rolled back are tried again.
 * Raw SQL because Prisma cannot send statements without waiting for each.
 */

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

export interface BatchResult {
  /** One per request, in order. */
  outcomes: BatchOutcome[];
  /** The slot as read just after COMMIT; undefined if it is gone. */
  slot: SlotState | undefined;
}

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
  const send = ({ sql, values }: Statement) => conn.query(sql, values);
  const statements = requests.flatMap((request) => bookingStatements(request).map(send));
  const shared = outboxAndAuditStatements(requests).map(send);
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
  if (sharedFailure === undefined && results.every((r) => r.status === 'fulfilled')) {
    // Nothing failed: every statement ran in the one transaction, which committed.
    return requests.map((request, i) => outcomeOfCommitted(request, ofBooking(i), slot));
  }
  // Something failed: a statement alone, or a whole transaction (a deadlock victim). Which
  // bookings exist now is read back, not inferred from which statements said they worked.
  const existing = new Map(
    (
      await conn.query<{ id: number; reference: string }[]>(
        'SELECT id, reference FROM booking WHERE reference IN (?)',
        [requests.map((r) => r.row.reference)],
      )
    ).map((b) => [b.reference, Number(b.id)]),
  );
  const somethingRolledBack = [...results, ...sharedDone].some(
    (r) => r.status === 'rejected' && isLockFailure(r.reason),
  );
  return requests.map((request, i): BatchOutcome => {
    const own = ofBooking(i);
    const ownFailure = own.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    const id = existing.get(request.row.reference);
    const insert = own[0];
    if (id !== undefined) {
      // Written. A statement that failed around it (its places, its outbox row, its audit
      // entry) is a fault to report, not to hide behind a confirmation.
      const fault = ownFailure ?? sharedFailure;
      return fault ? { error: fault.reason } : taken(request, id);
    }
    if (insert?.status === 'rejected' && !isLockFailure(insert.reason)) {
      return { error: insert.reason };
    }
    const refused =
      insert?.status === 'fulfilled' && (insert.value as UpsertResult).affectedRows === 0;
    if (!somethingRolledBack && refused) return { taken: false, slot };
    // Rolled back, or judged against places that a rolled-back booking held.
    return { retry: ownFailure?.reason ?? rolledBack };
  });
}

/** A booking of a batch whose every statement ran: written with its places, or refused. */
function outcomeOfCommitted(
  request: BookingRequest,
  answers: PromiseSettledResult<unknown>[],
  slot: SlotState | undefined,
): BatchOutcome {
  const [inserted, placesTaken] = answers.map((r) =>
    r.status === 'fulfilled' ? (r.value as UpsertResult) : undefined,
  );
  if (inserted?.affectedRows === 1 && placesTaken?.affectedRows === 1) {
    return taken(request, Number(inserted.insertId));
  }
  if (inserted?.affectedRows === 1 || placesTaken?.affectedRows === 1) {
    // Cannot happen while statement 2 runs under the lock statement 1 took; never hide it.
    return { error: new Error(`Booking ${request.row.reference}: inserted without its places`) };
  }
  return { taken: false, slot };
}

const rolledBack = Object.assign(new Error('Rolled back with its transaction'), { errno: 1213 });

function taken({ row, terms }: BookingRequest, id: number): PipelinedOutcome {
  const { now } = terms;
  return {
    taken: true,
    booking: {
      id,
      ...row,
      ...paymentColumns(row),
      confirmedMark: 1,
      version: 1,
      cancelledAt: null,
      cancelledBy: null,
      cancelReason: null,
      razorpayOrderId: null,
      arrivedAt: null,
      arrivedByStaffId: null,
      arrivalScanId: null,
      waitlistEntryId: null,
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
    const { sql, values } = phoneBookingsStatement(request.row.phone, limit);
    const [row] = await conn.query<{ n: number | bigint }[]>(sql, values);
    outcomes[i] = { taken: false, slot: { ...outcome.slot, phoneBookings: row?.n ?? 0 } };
  }
}
