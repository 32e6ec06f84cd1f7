import type { BookingPays, BookingSource, Language } from '../generated/prisma/client.ts';
import { auditFields, type Actor } from '../audit/audit-log.ts';
import {
  insertAuditEntriesOfBookings,
  insertOutboxRowsOfBookings,
  type Statement,
} from '../db/event-rows.ts';
import { newBookingEvents } from '../notifications/outbox.ts';

/**
 * The SQL of the booking transaction (pipelined-booking.ts sends it and reads what it did).
 *
 * Every statement is sent before any answer is read, so each is conditional, in SQL, on the
 * one before. For each booking, in order:
 *   1. INSERT the booking only if the slot is open, the places fit, the slot still starts when
 *      the booking was judged and its seva is active and unchanged since, and the phone has not
 *      reached its cap of bookings of the seva that day (an abuse guard, not an invariant: two
 *      bookings of different slots at the same moment may both pass), reading the slot with
 *      FOR UPDATE (INSERT … SELECT … FOR UPDATE). It sees the places the bookings before it in
 *      the batch took. A duplicate phone, reference or idempotency key fails this statement
 *      alone (the unique indexes booking_one_confirmed_per_phone, idempotency_key,
 *      booking_reference_key), and the batch goes on;
 *   2. take the places only if that booking row exists. The CHECK on slot.booked refuses any
 *      statement that would put more places in a slot than its capacity.
 * Then, for all of them at once, the outbox rows and the audit entries of the bookings that
 * exist (db/event-rows.ts, the same columns the other transactions write).
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
  /**
   * `pending_payment` for a booking paid online: its places are taken like a confirmed one's
   * but held only until holdExpiresAt, and it has no messages until it is paid
   * (payments/confirm-payment.ts). docs/decisions/0018-held-places-and-receipts.md.
   * Unset: confirmed, free, paid at the counter (`paymentColumns`).
   */
  status?: 'confirmed' | 'pending_payment';
  /** The fee of all its persons at booking time, in paise. */
  feePaise?: number;
  pays?: BookingPays;
  holdExpiresAt?: Date | null;
}

/** A row's payment columns, with the defaults of a booking paid at the counter. */
export function paymentColumns(row: BookingRow) {
  return {
    status: row.status ?? 'confirmed',
    feePaise: row.feePaise ?? 0,
    pays: row.pays ?? 'counter',
    holdExpiresAt: row.holdExpiresAt ?? null,
  };
}

/** At most `max` confirmed or held bookings per phone for one seva between dayStart and dayEnd. */
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

const PHONE_BOOKINGS = `(SELECT COUNT(*) FROM booking b JOIN slot d ON d.id = b.slot_id
  WHERE b.phone = ? AND b.status IN ('confirmed', 'pending_payment') AND d.seva_id = ? AND d.starts_at >= ? AND d.starts_at < ?)`;

/** The slot starts when it did and its seva is active and unchanged (read without a lock). */
const AS_JUDGED = `starts_at = ? AND EXISTS (SELECT 1 FROM seva v
  WHERE v.id = slot.seva_id AND v.id = ? AND v.updated_at = ? AND v.active)`;

const INSERT_BOOKING = `INSERT INTO booking (reference, slot_id, devotee_name, phone, email, persons,
    gotra, nakshatra, rashi, language, privacy_notice_version, source, idempotency_key,
    idempotency_fingerprint, manage_token_hash, created_by_staff_id, api_key_id, status, fee_paise,
    pays, hold_expires_at, created_at, updated_at)
  SELECT ?, id, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM slot
  WHERE id = ? AND status = 'open' AND booked + ? <= capacity`;

/** Statements per booking in `bookingStatements`. */
export const STATEMENTS_PER_BOOKING = 2;

/** The two statements of one booking, in order: its row, then its places. */
export function bookingStatements({ row, terms }: BookingRequest): Statement[] {
  const { now, phoneLimit, judgedBy } = terms;
  const limitArgs = phoneLimit
    ? [row.phone, phoneLimit.sevaId, phoneLimit.dayStart, phoneLimit.dayEnd, phoneLimit.max]
    : [];
  const judgedArgs = judgedBy ? [terms.startsAt, judgedBy.sevaId, judgedBy.sevaUpdatedAt] : [];
  const paid = paymentColumns(row);
  return [
    {
      sql: `${INSERT_BOOKING}
       ${phoneLimit ? `AND ${PHONE_BOOKINGS} < ?` : ''}
       ${judgedBy ? `AND ${AS_JUDGED}` : ''} FOR UPDATE`,
      values: [
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
        paid.status,
        paid.feePaise,
        paid.pays,
        paid.holdExpiresAt,
        now,
        now,
        row.slotId,
        row.persons,
        ...limitArgs,
        ...judgedArgs,
      ],
    },
    {
      sql: `UPDATE slot SET booked = booked + ?
       WHERE id = ? AND EXISTS (SELECT 1 FROM booking WHERE reference = ?)`,
      values: [row.persons, row.slotId, row.reference],
    },
  ];
}

/**
 * The outbox rows and audit entries of every booking of the batch that was written, in two
 * statements: the confirmation and, unless the seva is less than a day away, the reminder
 * (notifications/outbox.ts); and one `booking.created` entry each. A booking waiting for its
 * online payment gets its messages when it is paid (payments/confirm-payment.ts), not here.
 */
export function outboxAndAuditStatements(requests: readonly BookingRequest[]): Statement[] {
  const { startsAt } = requests[0]!.terms;
  const confirmed = requests.filter((r) => paymentColumns(r.row).status === 'confirmed');
  const references = confirmed.map((r) => r.row.reference);
  const created = (actor: Actor, after: unknown, at: Date) =>
    auditFields({ entityType: 'booking', action: 'booking.created', actor, after }, at);
  return [
    ...(references.length > 0
      ? [insertOutboxRowsOfBookings(references, newBookingEvents(startsAt, new Date()))]
      : []),
    insertAuditEntriesOfBookings(
      requests.map(({ row, terms: { actor, audit, now } }) => ({
        reference: row.reference,
        entry: created(actor, audit, now),
      })),
    ),
  ];
}

/** Confirmed and held bookings of the phone for the seva that day. */
export function phoneBookingsStatement(phone: string, limit: PhoneLimit): Statement {
  return {
    sql: `SELECT ${PHONE_BOOKINGS} AS n`,
    values: [phone, limit.sevaId, limit.dayStart, limit.dayEnd],
  };
}
