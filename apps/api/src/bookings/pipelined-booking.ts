import type { Pool, UpsertResult } from 'mariadb';
import type { Booking, BookingSource, Language } from '../generated/prisma/client.ts';
import type { Actor } from '../audit/audit-log.ts';
import { REMINDER_LEAD_MS } from '../notifications/outbox.ts';

/**
 * The booking transaction of a flash sale, written for the slot's row lock.
 *
 * From the UPDATE that takes places to COMMIT, the transaction holds the slot's row lock and
 * every other booking of the slot waits for it. Through Prisma each statement in there costs
 * several turns of the Node event loop, and under load each turn is long: the lock was held
 * for tens of milliseconds per booking. Here every statement of the transaction goes to the
 * server in one write on one connection (the mariadb driver pipelines queries issued without
 * waiting), so the lock is held for the server's own work plus one turn of the loop before
 * COMMIT or ROLLBACK. docs/decisions/0004-pipelined-booking-transaction.md has the figures.
 *
 * The outbox and audit rows find their booking by its unique reference (INSERT … SELECT), so
 * no statement needs the result of another; whether to commit is decided when all are back:
 * only if the UPDATE took the places and every statement succeeded. Raw SQL because Prisma
 * cannot send statements without waiting for each one; the same rows as outbox.ts and
 * audit-log.ts write, kept in step by the booking tests.
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
  /** The UPDATE matched no row: the slot is full or no longer open. Nothing was written. */
  | { taken: false };

export async function insertBookingTakingPlaces(
  pool: Pool,
  row: BookingRow,
  context: { startsAt: Date; now: Date; actor: Actor; audit: unknown },
): Promise<PipelinedOutcome> {
  const { now, actor } = context;
  const reminderDue = new Date(context.startsAt.getTime() - REMINDER_LEAD_MS);
  const conn = await pool.getConnection();
  try {
    const sent: Promise<unknown>[] = [
      conn.query('SET TRANSACTION ISOLATION LEVEL READ COMMITTED'),
      conn.query('BEGIN'),
      conn.query(
        `UPDATE slot SET booked = booked + ?
         WHERE id = ? AND status = 'open' AND booked + ? <= capacity`,
        [row.persons, row.slotId, row.persons],
      ),
      conn.query(
        `INSERT INTO booking (reference, slot_id, devotee_name, phone, email, persons, gotra, nakshatra,
           rashi, language, source, idempotency_key, idempotency_fingerprint, manage_token_hash,
           created_by_staff_id, api_key_id, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          row.reference, row.slotId, row.devoteeName, row.phone, row.email, row.persons, row.gotra,
          row.nakshatra, row.rashi, row.language, row.source, row.idempotencyKey,
          row.idempotencyFingerprint, row.manageTokenHash, row.createdByStaffId, row.apiKeyId, now, now,
        ],
      ),
      // The confirmation, due now, and the reminder, unless the seva is less than a day away.
      conn.query(
        `INSERT INTO notification (booking_id, kind, event_seq, due_at, created_at, updated_at)
         SELECT id, 'confirmation', 1, ?, ?, ? FROM booking WHERE reference = ?
         ${reminderDue > now ? "UNION ALL SELECT id, 'reminder', 0, ?, ?, ? FROM booking WHERE reference = ?" : ''}`,
        [now, now, now, row.reference, ...(reminderDue > now ? [reminderDue, now, now, row.reference] : [])],
      ),
      conn.query(
        `INSERT INTO audit_entry (booking_id, entity_type, entity_id, action, actor_type, actor_id, actor_label, after, created_at)
         SELECT id, 'booking', id, 'booking.created', ?, ?, ?, ?, ? FROM booking WHERE reference = ?`,
        [actor.type, actor.id ?? null, actor.label, JSON.stringify(context.audit), now, row.reference],
      ),
    ];
    const results = await Promise.allSettled(sent);
    const [, , update, insert] = results;
    const taken = update?.status === 'fulfilled' && (update.value as UpsertResult).affectedRows === 1;
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (!taken || failed || insert?.status !== 'fulfilled') {
      await conn.query('ROLLBACK');
      // A failed UPDATE (the server gone) is an error; an UPDATE that matched nothing is an answer.
      if (update?.status === 'rejected') throw update.reason;
      if (!taken) return { taken: false };
      throw failed?.reason;
    }
    await conn.query('COMMIT');
    const id = Number((insert.value as UpsertResult).insertId);
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
  } catch (error) {
    // A connection that cannot even roll back is dropped, never handed to the next booking.
    await conn.query('ROLLBACK').catch(() => conn.destroy());
    throw error;
  } finally {
    await conn.release().catch(() => undefined);
  }
}
