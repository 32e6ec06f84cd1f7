import type { Pool, UpsertResult } from 'mariadb';
import type { Booking, BookingSource, Language } from '../generated/prisma/client.ts';
import type { Actor } from '../audit/audit-log.ts';
import { REMINDER_LEAD_MS } from '../notifications/outbox.ts';

/**
 * The booking transaction of a flash sale, written for the slot's row lock.
 *
 * From the moment a booking locks its slot to COMMIT, every other booking of the slot waits.
 * Through Prisma each statement in there cost several turns of the Node event loop, and under
 * load each turn is long: the lock was held for tens of milliseconds per booking. Here the whole
 * transaction, COMMIT included, goes to the server in one write on one connection (the mariadb
 * driver pipelines queries issued without waiting), so the lock is held only for the server's
 * own work. docs/decisions/0004-pipelined-booking-transaction.md has the reasoning and figures.
 *
 * Since COMMIT is sent before any answer is read, every statement is made conditional on the
 * one before, in SQL:
 *   1. INSERT the booking only if the slot is open, the places fit and the phone has not reached
 *      its cap of bookings of the seva that day (an abuse guard, not an invariant: two
 *      bookings of different slots at the same moment may both pass), reading the slot with
 *      FOR UPDATE (INSERT … SELECT … FOR UPDATE): the first statement that locks anything, so
 *      it always runs inside the transaction. A duplicate phone, reference or idempotency key
 *      fails this statement alone;
 *   2. take the places only if that booking row exists;
 *   3. the outbox rows and the audit entry, only if that booking row exists (INSERT … SELECT);
 *   4. COMMIT; then, outside the transaction, read the slot to say why a booking did not fit.
 * If the server rolls the transaction back part-way (a deadlock victim), the statements after
 * it run on their own, find no booking row and change nothing; the booking is tried again.
 * The CHECK on slot.booked still guards capacity. Raw SQL because Prisma cannot send statements without waiting for each; the rows
 * are the ones outbox.ts and audit-log.ts write, kept in step by the booking tests.
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

interface SlotState {
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

interface BookingContext {
  startsAt: Date;
  now: Date;
  actor: Actor;
  audit: unknown;
  phoneLimit?: PhoneLimit;
}

const PHONE_BOOKINGS = `(SELECT COUNT(*) FROM booking b JOIN slot d ON d.id = b.slot_id
  WHERE b.phone = ? AND b.status = 'confirmed' AND d.seva_id = ? AND d.starts_at >= ? AND d.starts_at < ?)`;

/** A deadlock victim or a lock wait timeout: nothing was written; try again. */
const RETRYABLE = new Set([1213, 1205]);
const ATTEMPTS = 3;

export async function insertBookingTakingPlaces(
  pool: Pool,
  row: BookingRow,
  context: BookingContext,
): Promise<PipelinedOutcome> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await attemptBooking(pool, row, context);
    } catch (error) {
      const errno = (error as { errno?: unknown }).errno;
      if (attempt >= ATTEMPTS || typeof errno !== 'number' || !RETRYABLE.has(errno)) throw error;
    }
  }
}

async function attemptBooking(
  pool: Pool,
  row: BookingRow,
  context: BookingContext,
): Promise<PipelinedOutcome> {
  const { now, actor, phoneLimit } = context;
  const limitArgs = phoneLimit
    ? [row.phone, phoneLimit.sevaId, phoneLimit.dayStart, phoneLimit.dayEnd]
    : [];
  const reminderDue = new Date(context.startsAt.getTime() - REMINDER_LEAD_MS);
  const withReminder = reminderDue > now;
  const conn = await pool.getConnection();
  let committed = false;
  try {
    const sent: Promise<unknown>[] = [
      conn.query('SET TRANSACTION ISOLATION LEVEL READ COMMITTED'),
      conn.query('START TRANSACTION'),
      conn.query(
        `INSERT INTO booking (reference, slot_id, devotee_name, phone, email, persons, gotra, nakshatra,
           rashi, language, source, idempotency_key, idempotency_fingerprint, manage_token_hash,
           created_by_staff_id, api_key_id, created_at, updated_at)
         SELECT ?, id, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM slot
         WHERE id = ? AND status = 'open' AND booked + ? <= capacity
         ${phoneLimit ? `AND ${PHONE_BOOKINGS} < ?` : ''} FOR UPDATE`,
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
          ...(phoneLimit ? [...limitArgs, phoneLimit.max] : []),
        ],
      ),
      conn.query(
        `UPDATE slot SET booked = booked + ?
         WHERE id = ? AND EXISTS (SELECT 1 FROM booking WHERE reference = ?)`,
        [row.persons, row.slotId, row.reference],
      ),
      // The confirmation, due now, and the reminder, unless the seva is less than a day away.
      conn.query(
        `INSERT INTO notification (booking_id, kind, event_seq, due_at, created_at, updated_at)
         SELECT id, 'confirmation', 1, ?, ?, ? FROM booking WHERE reference = ?
         ${withReminder ? "UNION ALL SELECT id, 'reminder', 0, ?, ?, ? FROM booking WHERE reference = ?" : ''}`,
        [
          now,
          now,
          now,
          row.reference,
          ...(withReminder ? [reminderDue, now, now, row.reference] : []),
        ],
      ),
      conn.query(
        `INSERT INTO audit_entry (booking_id, entity_type, entity_id, action, actor_type, actor_id, actor_label, after, created_at)
         SELECT id, 'booking', id, 'booking.created', ?, ?, ?, ?, ? FROM booking WHERE reference = ?`,
        [
          actor.type,
          actor.id ?? null,
          actor.label,
          JSON.stringify(context.audit),
          now,
          row.reference,
        ],
      ),
      conn.query('COMMIT'),
      conn.query(
        `SELECT status, booked, capacity${phoneLimit ? `, ${PHONE_BOOKINGS} AS phoneBookings` : ''} FROM slot WHERE id = ?`,
        [...limitArgs, row.slotId],
      ),
    ];
    const results = await Promise.allSettled(sent);
    const value = <T>(i: number): T | undefined => {
      const r = results[i];
      return r?.status === 'fulfilled' ? (r.value as T) : undefined;
    };
    committed = value(6) !== undefined;
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    const inserted = value<UpsertResult>(2)?.affectedRows === 1;
    const placesTaken = value<UpsertResult>(3)?.affectedRows === 1;
    if (committed && inserted && placesTaken && !failed) {
      const id = Number(value<UpsertResult>(2)!.insertId);
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
    if (inserted !== placesTaken && committed && !failed) {
      // Cannot happen while statement 2 runs under the lock statement 1 took; never hide it.
      throw new Error(
        `Booking ${row.reference}: row inserted ${inserted}, places taken ${placesTaken}`,
      );
    }
    if (failed) throw failed.reason;
    return { taken: false, slot: value<SlotState[]>(7)?.[0] };
  } catch (error) {
    // A connection that cannot even roll back is dropped, never handed to the next booking.
    if (!committed) await conn.query('ROLLBACK').catch(() => conn.destroy());
    throw error;
  } finally {
    await conn.release().catch(() => undefined);
  }
}
