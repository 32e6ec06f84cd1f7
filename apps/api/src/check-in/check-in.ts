import {
  normaliseReference,
  referencePattern,
  templeDateOf,
  templeTimeOf,
  type CheckInBooking,
  type CheckInOutcome,
  type CheckInRequest,
  type CheckInResult,
} from '@sevabook/shared';
import { recordAudit, type Actor } from '../audit/audit-log.ts';
import { TRANSACTION_OPTIONS } from '../bookings/booking-dependencies.ts';
import type { Prisma, PrismaClient } from '../generated/prisma/client.ts';
import { isUniqueViolation } from '../db/db-errors.ts';
import { sevaName } from '../sevas/seva-dto.ts';
import type { CheckInCodes } from './check-in-code.ts';

export interface CheckInDependencies {
  prisma: PrismaClient;
  codes: CheckInCodes;
  timeZone: string;
  now?: () => Date;
}

export interface CheckInBy {
  actor: Actor;
  /** The staff member at the gate; null for an API key (a kiosk). */
  staffId: number | null;
}

/** The oldest queued scan whose device time is believed; older means a wrong clock. */
const QUEUED_SCAN_MAX_AGE_MS = 24 * 60 * 60_000;

const include = {
  slot: { include: { seva: true } },
  arrivedByStaff: { select: { name: true } },
} as const;

/**
 * Checks a booking in at the gate. Every answer is a value the gate shows (green, amber, red);
 * a bad code is an answer, never an error.
 *
 * The write is one conditional UPDATE (… WHERE arrived_at IS NULL AND status = 'confirmed'), so
 * two devices scanning the same QR at once check it in once: the loser finds it arrived and
 * says so. A scan sent again with the same scanId (a queued offline scan, a retry after a lost
 * answer) is answered as the check-in it made.
 */
export async function checkIn(
  deps: CheckInDependencies,
  request: CheckInRequest,
  by: CheckInBy,
): Promise<CheckInResult> {
  const now = deps.now?.() ?? new Date();
  const looked = referenceOf(deps.codes, request);
  if ('outcome' in looked) return { outcome: looked.outcome, replayed: false, booking: null };
  const { reference } = looked;
  const arrivedAt = arrivalTime(request.scannedAt, now);

  const booking = await deps.prisma.booking.findUnique({ where: { reference }, include });
  if (!booking) return { outcome: 'not_found', replayed: false, booking: null };
  const answer = (outcome: CheckInOutcome, b = booking, replayed = false): CheckInResult => ({
    outcome,
    replayed,
    booking: toCheckInBooking(b, deps.timeZone),
  });

  const refusal = whyNot(booking, request, arrivedAt, deps.timeZone);
  if (refusal) return answer(refusal, booking, refusal === 'checked_in');

  let taken = 0;
  try {
    taken = await deps.prisma.$transaction(async (tx) => {
      // NOTE: raw SQL for the condition: Prisma's update cannot say "only if still not arrived
      // and still confirmed" and report whether it did in one statement.
      const rows = await tx.$executeRaw`
        UPDATE booking
           SET arrived_at = ${arrivedAt}, arrived_by_staff_id = ${by.staffId},
               arrival_scan_id = ${request.scanId ?? null}, updated_at = ${now}
         WHERE id = ${booking.id} AND arrived_at IS NULL AND status = 'confirmed'`;
      if (rows === 1) {
        await recordAudit(tx, {
          entityType: 'booking',
          entityId: booking.id,
          bookingId: booking.id,
          action: 'booking.checked_in',
          actor: by.actor,
          before: { arrivedAt: null },
          after: {
            arrivedAt: arrivedAt.toISOString(),
            ...(request.anyway ? { anyway: true } : {}),
            ...(request.scannedAt ? { queuedScan: true } : {}),
          },
        });
      }
      return rows;
    }, TRANSACTION_OPTIONS);
  } catch (error) {
    // Another booking already holds this scanId: a device that reused one. Not this scan's
    // check-in, so say what the booking is now.
    if (!isUniqueViolation(error, 'arrival_scan_id')) throw error;
  }

  const after = await deps.prisma.booking.findUniqueOrThrow({ where: { id: booking.id }, include });
  if (taken === 1) return answer('checked_in', after);
  // Someone else got there first (or the booking was cancelled meanwhile): answer as it is now.
  const outcome = whyNot(after, request, arrivedAt, deps.timeZone);
  return answer(outcome ?? 'already_checked_in', after, outcome === 'checked_in');
}

type LoadedBooking = Prisma.BookingGetPayload<{ include: typeof include }>;

/**
 * Why this booking is not checked in by this scan, or null if it may be. `checked_in` means
 * this very scan checked it in before.
 */
function whyNot(
  booking: LoadedBooking,
  request: CheckInRequest,
  arrivedAt: Date,
  timeZone: string,
): CheckInOutcome | null {
  if (request.scanId && booking.arrivalScanId === request.scanId) return 'checked_in';
  if (booking.status === 'cancelled') return 'cancelled';
  if (booking.status !== 'confirmed') return 'not_confirmed';
  if (booking.arrivedAt) return 'already_checked_in';
  if (request.anyway) return null;
  const otherDay =
    templeDateOf(booking.slot.startsAt, timeZone) !== templeDateOf(arrivedAt, timeZone);
  const otherSlot = request.slotId !== undefined && request.slotId !== booking.slotId;
  return otherDay || otherSlot ? 'wrong_slot' : null;
}

/** The reference to look up, or the answer when there is none: a code not signed here, a typo. */
function referenceOf(
  codes: CheckInCodes,
  request: CheckInRequest,
): { reference: string } | { outcome: 'invalid_code' | 'not_found' } {
  if (request.code !== undefined) {
    const reference = codes.referenceOf(request.code);
    return reference ? { reference } : { outcome: 'invalid_code' };
  }
  const reference = normaliseReference(request.reference ?? '');
  return referencePattern.test(reference) ? { reference } : { outcome: 'not_found' };
}

/** When the devotee was at the gate: the device's time for a queued scan, never later than now. */
function arrivalTime(scannedAt: string | undefined, now: Date): Date {
  if (!scannedAt) return now;
  const at = new Date(scannedAt);
  const believable = at <= now && now.getTime() - at.getTime() <= QUEUED_SCAN_MAX_AGE_MS;
  return believable ? at : now;
}

function toCheckInBooking(booking: LoadedBooking, timeZone: string): CheckInBooking {
  const { slot } = booking;
  return {
    id: booking.id,
    reference: booking.reference,
    devoteeName: booking.devoteeName,
    persons: booking.persons,
    status: booking.status,
    seva: { id: slot.seva.id, name: sevaName(slot.seva) },
    slot: {
      id: slot.id,
      startsAt: slot.startsAt.toISOString(),
      date: templeDateOf(slot.startsAt, timeZone),
      time: templeTimeOf(slot.startsAt, timeZone),
    },
    arrivedAt: booking.arrivedAt?.toISOString() ?? null,
    arrivedBy: booking.arrivedByStaff?.name ?? null,
  };
}
