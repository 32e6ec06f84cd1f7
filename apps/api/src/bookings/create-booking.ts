import { createHash } from 'node:crypto';
import {
  addDaysToDate,
  startOfTempleDay,
  templeDateOf,
  toE164,
  type CreateBooking,
} from '@sevabook/shared';
import type { SlotWithSeva } from '../slots/slot-dto.ts';
import { isUniqueViolation } from '../db/db-errors.ts';
import type { BookingSource } from '../generated/prisma/client.ts';
import { AppError, conflict, notFound, validationFailed } from '../errors.ts';
import { auditView, type Actor } from '../audit/audit-log.ts';
import { refuseOutsideBookingWindow, refuseTooManyPersons } from './booking-terms.ts';
import { assertUnderNoShowLimit } from '../check-in/no-show-limit.ts';
import type { BookingDependencies } from './booking-dependencies.ts';
import { bookingInclude, type BookingWithSlot } from './booking-dto.ts';
import { ManageTokens } from './manage-token.ts';
import { duplicatePhoneRefusal, refusalExplained, slotFull, whyNotTaken } from './places.ts';
import { paymentColumns, type BookingRow, type WriteTerms } from './booking-statements.ts';
import type { SlotState } from './pipelined-booking.ts';
import { newReference } from './reference.ts';

/**
 * Making a booking: the rules a request is judged by, then its transaction.
 *
 * A flash sale sends hundreds of requests for one slot at once. Each is judged by the slot as
 * this process last read it (slot-facts.ts), and goes to the slot's booking writer
 * (booking-writer.ts), which writes the bookings of a busy slot together, each transaction
 * in one write (pipelined-booking.ts). The transaction checks that what the booking was judged
 * by still holds, and takes the places only if they fit; the database's CHECK on slot.booked
 * backs it. docs/booking-path.md follows a booking through all of it.
 */

export interface NewBooking extends CreateBooking {
  source: BookingSource;
  actor: Actor;
  idempotencyKey?: string | undefined;
  /** Staff may book outside the booking window (never beyond capacity). */
  ignoreBookingWindow?: boolean;
  createdByStaffId?: number;
  apiKeyId?: number;
  /**
   * Set where online payment is configured and this caller may pay online (the devotee site):
   * a seva paid online is then held `holdSeconds` for its payment. Unset: paid at the counter.
   */
  onlinePayment?: { holdSeconds: number } | undefined;
}

export interface BookingResult {
  booking: BookingWithSlot;
  manageToken: string;
  /** True when an Idempotency-Key replay returned the booking made before. */
  replayed: boolean;
}

const MAX_REFERENCE_ATTEMPTS = 5;
/** Reads of a slot whose seva keeps changing under a booking before it is refused anyway. */
const MAX_FRESH_READS = 3;

export async function createBooking(
  deps: BookingDependencies,
  input: NewBooking,
): Promise<BookingResult> {
  const now = deps.now?.() ?? new Date();
  const phone = toE164(input.phone);
  if (!phone) throw validationFailed([{ path: 'body.phone', message: 'Not a valid phone number' }]);
  const fingerprint = input.idempotencyKey
    ? fingerprintOf({ ...input, phone, actor: undefined })
    : null;

  if (input.idempotencyKey && fingerprint) {
    const replay = await findReplay(deps, input.idempotencyKey, fingerprint);
    if (replay) return replay;
  }
  await assertUnderNoShowLimit(deps.database.prisma, { source: input.source, phone }, now);

  // NOTE: judged by the slot as last read, if it was. A refusal found in a remembered read is
  // read again before it is given; a refusal from the transaction is given as it is when the
  // slot's state explains it (full, closed, the phone's cap), and read again otherwise.
  const facts = deps.database.slotFacts;
  let slot = facts.remembered(input.slotId);
  let freshReads = 0;
  for (;;) {
    if (!slot) {
      slot = (await facts.fresh(input.slotId)) ?? undefined;
      freshReads++;
    }
    try {
      assertBookable(slot, input, now, deps.timeZone);
    } catch (refusal) {
      if (freshReads > 0) throw refusal;
      slot = undefined;
      continue;
    }
    const attempt = await takeAPlace(deps, input, slot, phone, fingerprint, now);
    if ('result' in attempt) return attempt.result;
    const limit = deps.bookingsPerPhonePerSevaPerDay;
    if (freshReads < MAX_FRESH_READS && !refusalExplained(attempt.refused, input.persons, limit)) {
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
  refuseTooManyPersons(seva, input.persons);
  if (input.ignoreBookingWindow) return;
  refuseOutsideBookingWindow(slot.startsAt, seva, timeZone, now);
}

/**
 * Writes the booking through the slot's writer, judged by `slot` as read: the booking made (or
 * the one an Idempotency-Key race found), or the slot as the transaction found it.
 */
async function takeAPlace(
  deps: BookingDependencies,
  input: NewBooking,
  slot: SlotWithSeva,
  phone: string,
  fingerprint: string | null,
  now: Date,
): Promise<{ result: BookingResult } | { refused: SlotState | undefined }> {
  const terms = writeTerms(deps, input, slot, now);
  for (let attempt = 1; ; attempt++) {
    const reference = newReference();
    const manageToken = deps.tokens.tokenFor(reference);
    const row = bookingRow(input, slot, { reference, phone, fingerprint, manageToken }, now);
    try {
      // NOTE: the slot's row lock is held from the INSERT to COMMIT and every other booking of
      // the slot waits for it: booking-writer.ts writes the bookings of a busy slot together,
      // and pipelined-booking.ts sends each transaction in one write.
      const outcome = await deps.database.bookingWriter.book(row, {
        ...terms,
        audit: (({ status, feePaise, pays }) => ({
          ...auditView({ ...row, status }),
          feePaise,
          pays,
        }))(paymentColumns(row)),
      });
      if (outcome.taken) {
        const booking: BookingWithSlot = { ...outcome.booking, slot };
        return { result: { booking, manageToken, replayed: false } };
      }
      deps.database.slotFacts.update(slot.id, outcome.slot);
      return { refused: outcome.slot };
    } catch (error) {
      const duplicate = duplicatePhoneRefusal(error, 'this');
      if (duplicate) throw duplicate;
      if (input.idempotencyKey && fingerprint && isUniqueViolation(error, 'idempotency_key')) {
        // A concurrent request with the same key won the race; answer as its replay.
        const replay = await findReplay(deps, input.idempotencyKey, fingerprint);
        if (replay) return { result: replay };
      }
      if (isUniqueViolation(error, 'booking_reference_key') && attempt < MAX_REFERENCE_ATTEMPTS) {
        continue;
      }
      throw error;
    }
  }
}

/** The booking's row as the transaction inserts it. */
function bookingRow(
  input: NewBooking,
  { id: slotId, seva }: SlotWithSeva,
  made: { reference: string; phone: string; fingerprint: string | null; manageToken: string },
  now: Date,
): BookingRow {
  return {
    ...paymentTerms(input, seva, now),
    reference: made.reference,
    slotId,
    devoteeName: input.devoteeName,
    phone: made.phone,
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
    idempotencyFingerprint: made.fingerprint,
    manageTokenHash: ManageTokens.hash(made.manageToken),
    createdByStaffId: input.createdByStaffId ?? null,
    apiKeyId: input.apiKeyId ?? null,
  };
}

/**
 * How the booking is paid, from the seva's payment mode and the devotee's choice: online (its
 * places held until it is paid) or at the counter (confirmed at once). The fee is the seva's
 * now, for all its persons; free sevas never ask for payment.
 */
function paymentTerms(
  input: NewBooking,
  seva: SlotWithSeva['seva'],
  now: Date,
): Pick<BookingRow, 'status' | 'feePaise' | 'pays' | 'holdExpiresAt'> {
  const feePaise = seva.feePaise * input.persons;
  const asked = input.pays ?? (input.source === 'web' ? 'online' : 'counter');
  const online =
    input.onlinePayment !== undefined &&
    feePaise > 0 &&
    (seva.paymentMode === 'online_required'
      ? input.source === 'web' || asked === 'online'
      : seva.paymentMode === 'online_or_counter' && asked === 'online');
  if (!online) return { status: 'confirmed', feePaise, pays: 'counter', holdExpiresAt: null };
  return {
    status: 'pending_payment',
    feePaise,
    pays: 'online',
    holdExpiresAt: new Date(now.getTime() + input.onlinePayment!.holdSeconds * 1000),
  };
}

/** What the transaction checks the booking against (the slot as judged, the phone's cap). */
function writeTerms(
  deps: BookingDependencies,
  input: NewBooking,
  slot: SlotWithSeva,
  now: Date,
): Omit<WriteTerms, 'audit'> {
  const { seva } = slot;
  const limit = deps.bookingsPerPhonePerSevaPerDay;
  const slotDate = templeDateOf(slot.startsAt, deps.timeZone);
  return {
    startsAt: slot.startsAt,
    judgedBy: { sevaId: seva.id, sevaUpdatedAt: seva.updatedAt },
    now,
    ...(limit === undefined
      ? {}
      : {
          phoneLimit: {
            sevaId: seva.id,
            dayStart: startOfTempleDay(slotDate, deps.timeZone),
            dayEnd: startOfTempleDay(addDaysToDate(slotDate, 1), deps.timeZone),
            max: limit,
          },
        }),
    actor: input.actor,
  };
}

async function findReplay(
  deps: BookingDependencies,
  idempotencyKey: string,
  fingerprint: string,
): Promise<BookingResult | null> {
  const booking = await deps.database.prisma.booking.findUnique({
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
  return { booking, manageToken: deps.tokens.tokenFor(booking.reference), replayed: true };
}

function fingerprintOf(value: object): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}
