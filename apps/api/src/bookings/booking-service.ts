import { createHash } from 'node:crypto';
import {
  addDaysToDate,
  startOfTempleDay,
  templeDateOf,
  toE164,
  type CreateBooking,
} from '@sevabook/shared';
import type { Tx } from '../db/client.ts';
import type { Database } from '../db/database.ts';
import type { SlotWithSeva } from '../slots/slot-dto.ts';
import { isUniqueViolation } from '../db/db-errors.ts';
import type { BookingSource } from '../generated/prisma/client.ts';
import { AppError, conflict, notFound, unprocessable, validationFailed } from '../errors.ts';
import { recordAudit, type Actor } from '../audit/audit-log.ts';
import { cancelReminder, enqueueNotification } from '../notifications/outbox.ts';
import { bookingWindow } from '../slots/booking-window.ts';
import { bookingInclude, type BookingWithSlot } from './booking-dto.ts';
import { ManageTokens } from './manage-token.ts';
import type { BookingRow, SlotState } from './pipelined-booking.ts';
import { newReference } from './reference.ts';

/**
 * The booking rules, in one place. Every function takes the Prisma client and does its work in
 * one transaction: places are taken with a conditional UPDATE (docs/decisions/0001-taking-places.md),
 * and the booking, its outbox rows and its audit entry commit together or not at all.
 */

export interface BookingContext {
  database: Database;
  timeZone: string;
  tokens: ManageTokens;
  now?: () => Date;
  /**
   * Confirmed bookings one phone may hold for one seva on one temple date; unset = no cap (staff
   * at the counter book for whole families with one number).
   */
  bookingsPerPhonePerSevaPerDay?: number;
}

export interface NewBooking extends CreateBooking {
  source: BookingSource;
  actor: Actor;
  idempotencyKey?: string | undefined;
  /** Staff may book outside the booking window (never beyond capacity). */
  ignoreBookingWindow?: boolean;
  createdByStaffId?: number;
  apiKeyId?: number;
}

export interface BookingResult {
  booking: BookingWithSlot;
  manageToken: string;
  /** True when an Idempotency-Key replay returned the booking made before. */
  replayed: boolean;
}

const TRANSACTION_OPTIONS = {
  isolationLevel: 'ReadCommitted',
  // Under a flash sale many requests wait for a pooled connection; give them time.
  maxWait: 15_000,
  timeout: 15_000,
} as const;

const MAX_REFERENCE_ATTEMPTS = 5;
/** Reads of a slot whose seva keeps changing under a booking before it is refused anyway. */
const MAX_FRESH_READS = 3;

export async function createBooking(
  ctx: BookingContext,
  input: NewBooking,
): Promise<BookingResult> {
  const now = ctx.now?.() ?? new Date();
  const phone = toE164(input.phone);
  if (!phone) throw validationFailed([{ path: 'body.phone', message: 'Not a valid phone number' }]);
  const fingerprint = input.idempotencyKey
    ? fingerprintOf({ ...input, phone, actor: undefined })
    : null;

  if (input.idempotencyKey && fingerprint) {
    const replay = await findReplay(ctx, input.idempotencyKey, fingerprint);
    if (replay) return replay;
  }

  // NOTE: a flash sale sends hundreds of requests for one slot at once. They are judged by the
  // slot as last read (slot-facts.ts): the transaction checks that it still holds, and every
  // refusal is given from a read started after the request arrived.
  const facts = ctx.database.slotFacts;
  let slot = facts.remembered(input.slotId);
  let freshReads = 0;
  for (;;) {
    if (!slot) {
      slot = (await facts.fresh(input.slotId)) ?? undefined;
      freshReads++;
    }
    try {
      assertBookable(slot, input, now, ctx.timeZone);
    } catch (refusal) {
      if (freshReads > 0) throw refusal;
      slot = undefined;
      continue;
    }
    const attempt = await takeAPlace(ctx, input, slot, phone, fingerprint, now);
    if ('result' in attempt) return attempt.result;
    const limit = ctx.bookingsPerPhonePerSevaPerDay;
    if (freshReads < MAX_FRESH_READS && !explainedBy(attempt.refused, input.persons, limit)) {
      // Room, and not the phone's cap: the seva or the slot's time changed since it was read.
      slot = undefined;
      continue;
    }
    throw whyNotTaken(attempt.refused, input.persons, limit);
  }
}

/** Throws why the slot, as read, cannot take this booking now. */
function assertBookable(
  slot: SlotWithSeva | undefined,
  input: NewBooking,
  now: Date,
  timeZone: string,
): asserts slot is SlotWithSeva {
  if (!slot) throw notFound(`There is no slot ${input.slotId}.`);
  const { seva } = slot;
  if (!seva.active || slot.status !== 'open') {
    throw conflict('slot_not_bookable', 'Slot not bookable', 'This slot is not open for booking.');
  }
  if (slot.booked + input.persons > slot.capacity) {
    // Already full when we looked: answer at once, without queueing for the slot's row lock.
    // (A place freed a moment ago is a race the devotee could have lost anyway.)
    throw slotFull(slot.capacity - slot.booked);
  }
  if (input.persons > seva.maxPersonsPerBooking) {
    throw unprocessable(
      'persons_exceed_limit',
      'Too many persons',
      `One booking of ${seva.nameEn} may cover at most ${seva.maxPersonsPerBooking} persons.`,
    );
  }
  if (input.ignoreBookingWindow) return;
  const window = bookingWindow(slot.startsAt, seva, timeZone);
  if (now < window.opensAt) {
    throw unprocessable(
      'booking_not_open_yet',
      'Booking not open yet',
      `Booking for this slot opens at ${window.opensAt.toISOString()}.`,
    );
  }
  if (now > window.closesAt) {
    throw unprocessable(
      'booking_window_closed',
      'Booking closed',
      'Booking for this slot has closed.',
    );
  }
}

/**
 * Writes the booking through the slot's writer, judged by `slot` as read: the booking made (or
 * the one an Idempotency-Key race found), or the slot as the transaction found it.
 */
async function takeAPlace(
  ctx: BookingContext,
  input: NewBooking,
  slot: SlotWithSeva,
  phone: string,
  fingerprint: string | null,
  now: Date,
): Promise<{ result: BookingResult } | { refused: SlotState | undefined }> {
  const { seva } = slot;
  const limit = ctx.bookingsPerPhonePerSevaPerDay;
  const slotDate = templeDateOf(slot.startsAt, ctx.timeZone);
  for (let attempt = 1; ; attempt++) {
    const reference = newReference();
    const manageToken = ctx.tokens.tokenFor(reference);
    try {
      const row: BookingRow = {
        reference,
        slotId: slot.id,
        devoteeName: input.devoteeName,
        phone,
        email: input.email ?? null,
        persons: input.persons,
        // Only the sankalpa details this seva asks for are kept.
        gotra: seva.asksGotra ? (input.gotra ?? null) : null,
        nakshatra: seva.asksNakshatra ? (input.nakshatra ?? null) : null,
        rashi: seva.asksRashi ? (input.rashi ?? null) : null,
        language: input.language,
        privacyNoticeVersion: input.privacyNoticeVersion ?? null,
        source: input.source,
        idempotencyKey: input.idempotencyKey ?? null,
        idempotencyFingerprint: fingerprint,
        manageTokenHash: ManageTokens.hash(manageToken),
        createdByStaffId: input.createdByStaffId ?? null,
        apiKeyId: input.apiKeyId ?? null,
      };
      // NOTE: the slot's row lock is held from the INSERT to COMMIT and every other booking of
      // the slot waits for it: booking-writer.ts writes the bookings of a busy slot together,
      // and pipelined-booking.ts sends each transaction in one write.
      const outcome = await ctx.database.bookingWriter.book(row, {
        startsAt: slot.startsAt,
        judgedBy: { sevaId: seva.id, sevaUpdatedAt: seva.updatedAt },
        now,
        ...(limit === undefined
          ? {}
          : {
              phoneLimit: {
                sevaId: seva.id,
                dayStart: startOfTempleDay(slotDate, ctx.timeZone),
                dayEnd: startOfTempleDay(addDaysToDate(slotDate, 1), ctx.timeZone),
                max: limit,
              },
            }),
        actor: input.actor,
        audit: auditView({ ...row, status: 'confirmed' }),
      });
      if (outcome.taken) {
        const booking: BookingWithSlot = { ...outcome.booking, slot };
        return { result: { booking, manageToken, replayed: false } };
      }
      ctx.database.slotFacts.update(slot.id, outcome.slot);
      return { refused: outcome.slot };
    } catch (error) {
      if (isUniqueViolation(error, 'booking_one_confirmed_per_phone')) {
        throw conflict(
          'duplicate_booking',
          'Already booked',
          'This phone number already has a confirmed booking for this slot.',
        );
      }
      if (input.idempotencyKey && fingerprint && isUniqueViolation(error, 'idempotency_key')) {
        // A concurrent request with the same key won the race; answer as its replay.
        const replay = await findReplay(ctx, input.idempotencyKey, fingerprint);
        if (replay) return { result: replay };
      }
      if (isUniqueViolation(error, 'booking_reference_key') && attempt < MAX_REFERENCE_ATTEMPTS) {
        continue;
      }
      throw error;
    }
  }
}

/**
 * Takes `persons` places of an open slot, or fails with slot_full. One conditional UPDATE: the
 * row lock it takes serialises concurrent bookings of the slot, and the WHERE clause means a
 * booking that does not fit changes nothing. The CHECK constraint on slot backs this up.
 */
export async function takePlaces(tx: Tx, slotId: number, persons: number): Promise<void> {
  const updated = await tx.$executeRaw`
    UPDATE slot SET booked = booked + ${persons}
    WHERE id = ${slotId} AND status = 'open' AND booked + ${persons} <= capacity`;
  if (updated === 1) return;
  throw whyNotTaken((await tx.slot.findUnique({ where: { id: slotId } })) ?? undefined, persons);
}

/** Whether the slot's state after the transaction says why a booking was refused. */
function explainedBy(slot: SlotState | undefined, persons: number, phoneLimit?: number): boolean {
  if (!slot || slot.status !== 'open' || slot.booked + persons > slot.capacity) return true;
  return phoneLimit !== undefined && Number(slot.phoneBookings ?? 0) >= phoneLimit;
}

/** The error for a slot that could not take a booking, from its state at the time. */
function whyNotTaken(
  slot:
    | { status: string; booked: number; capacity: number; phoneBookings?: number | bigint }
    | undefined,
  persons: number,
  phoneLimit?: number,
): AppError {
  if (
    slot &&
    slot.status === 'open' &&
    slot.booked + persons <= slot.capacity &&
    phoneLimit !== undefined
  ) {
    if (Number(slot.phoneBookings ?? 0) >= phoneLimit) {
      return conflict(
        'booking_limit_reached',
        'Booking limit reached',
        `This phone number already has ${phoneLimit} bookings of this seva on that day, the most one number may hold. Please contact the temple office for more.`,
      );
    }
  }
  if (slot && slot.status !== 'open') {
    return conflict(
      'slot_not_bookable',
      'Slot not bookable',
      'This slot is no longer open for booking.',
    );
  }
  return slotFull(slot ? slot.capacity - slot.booked : 0);
}

function slotFull(left: number) {
  return conflict(
    'slot_full',
    'Slot full',
    left > 0
      ? `Only ${left} ${left === 1 ? 'place is' : 'places are'} left in this slot.`
      : 'All places in this slot have just been taken.',
  );
}

/** Gives back a cancelled or moved booking's places. */
export async function releasePlaces(tx: Tx, slotId: number, persons: number): Promise<void> {
  await tx.$executeRaw`UPDATE slot SET booked = booked - ${persons} WHERE id = ${slotId}`;
}

export async function findBookingByReference(
  db: Tx,
  reference: string,
  token: string | undefined,
): Promise<BookingWithSlot> {
  // A wrong token answers exactly like an unknown reference, after the same work: one read of
  // the stored hash and one comparison. The slot and seva are read only for the right token.
  const found = await db.booking.findUnique({
    where: { reference },
    select: { id: true, manageTokenHash: true },
  });
  const matched = ManageTokens.matchesBooking(token, found?.manageTokenHash);
  if (!found || !matched) throw notFound('No booking matches this reference and link.');
  return db.booking.findUniqueOrThrow({ where: { id: found.id }, include: bookingInclude });
}

export interface CancelRequest {
  actor: Actor;
  reason?: string | undefined;
  /** Devotees may cancel only until the seva's cut-off; staff at any time. */
  enforceCutOff: boolean;
}

/** Cancels a booking and frees its places in one transaction. Cancelling twice is harmless. */
export async function cancelBooking(
  ctx: BookingContext,
  bookingId: number,
  request: CancelRequest,
): Promise<BookingWithSlot> {
  const now = ctx.now?.() ?? new Date();
  return ctx.database.prisma.$transaction(async (tx) => {
    // Lock the booking row so a concurrent cancel or move waits for us.
    const locked = await tx.$queryRaw<
      { id: number }[]
    >`SELECT id FROM booking WHERE id = ${bookingId} FOR UPDATE`;
    if (locked.length === 0) throw notFound(`There is no booking ${bookingId}.`);
    const booking = await tx.booking.findUniqueOrThrow({
      where: { id: bookingId },
      include: bookingInclude,
    });
    if (booking.status === 'cancelled') return booking;
    if (
      request.enforceCutOff &&
      now > bookingWindow(booking.slot.startsAt, booking.slot.seva, ctx.timeZone).closesAt
    ) {
      throw unprocessable(
        'cancellation_closed',
        'Too late to cancel online',
        'The time to cancel this booking online has passed. Please contact the temple office.',
      );
    }
    const cancelled = await cancelLockedBooking(
      tx,
      booking,
      request.actor,
      request.reason ?? null,
      now,
    );
    return cancelled;
  }, TRANSACTION_OPTIONS);
}

/**
 * The cancellation itself, inside the caller's transaction, for a confirmed booking whose row
 * the caller has locked: status, places freed, one cancellation message, no reminder, audit.
 * Closing a slot or a date cancels its bookings through this too.
 */
export async function cancelLockedBooking(
  tx: Tx,
  booking: BookingWithSlot,
  actor: Actor,
  reason: string | null,
  now: Date,
): Promise<BookingWithSlot> {
  const version = booking.version + 1;
  const cancelled = await tx.booking.update({
    where: { id: booking.id },
    data: {
      status: 'cancelled',
      cancelledAt: now,
      cancelledBy: actor.type,
      cancelReason: reason,
      version,
    },
    include: bookingInclude,
  });
  await releasePlaces(tx, booking.slotId, booking.persons);
  await enqueueNotification(tx, { bookingId: booking.id, kind: 'cancellation', eventSeq: version });
  await cancelReminder(tx, booking.id);
  await recordAudit(tx, {
    entityType: 'booking',
    entityId: booking.id,
    bookingId: booking.id,
    action: 'booking.cancelled',
    actor,
    before: auditView(booking),
    after: { ...auditView(cancelled), reason },
  });
  return cancelled;
}

async function findReplay(
  ctx: BookingContext,
  idempotencyKey: string,
  fingerprint: string,
): Promise<BookingResult | null> {
  const booking = await ctx.database.prisma.booking.findUnique({
    where: { idempotencyKey },
    include: bookingInclude,
  });
  if (!booking) return null;
  if (booking.idempotencyFingerprint !== fingerprint) {
    throw new AppError(
      422,
      'idempotency_key_reused',
      'Idempotency key reused',
      'This Idempotency-Key was already used for a different booking request.',
    );
  }
  return { booking, manageToken: ctx.tokens.tokenFor(booking.reference), replayed: true };
}

function fingerprintOf(value: object): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}

type AuditedBooking = Pick<
  BookingWithSlot,
  | 'id'
  | 'reference'
  | 'status'
  | 'slotId'
  | 'devoteeName'
  | 'phone'
  | 'email'
  | 'persons'
  | 'gotra'
  | 'nakshatra'
  | 'rashi'
>;

/** What the audit trail keeps of a booking. */
export function auditView(b: Omit<AuditedBooking, 'id'>) {
  return {
    reference: b.reference,
    status: b.status,
    slotId: b.slotId,
    devoteeName: b.devoteeName,
    phone: b.phone,
    email: b.email,
    persons: b.persons,
    gotra: b.gotra,
    nakshatra: b.nakshatra,
    rashi: b.rashi,
  };
}
