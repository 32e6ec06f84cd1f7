import type { Tx } from '../db/client.ts';

/**
 * Anonymising a booking: what both the retention job and an erasure do to each booking they
 * touch, inside the caller's transaction. The booking keeps its reference, slot, persons,
 * status, source and times, so counts and fees in reports stay right; the devotee's name,
 * phone, email, sankalpa details and anything typed about them go, and so do the copies of
 * them in the booking's audit entries and WhatsApp messages. docs/decisions/0011-personal-data.md.
 *
 * Every statement is conditional or gives the same result when repeated, so two processes
 * anonymising the same booking at once (several notifiers, an erasure during the daily job)
 * leave it exactly as one would.
 */

export const ANONYMISED_NAME = 'Anonymised';

/**
 * What an anonymised booking holds instead of a phone number. It must differ per booking: the
 * unique index (slot, phone, confirmed) holds for past confirmed bookings too. Letters only, so
 * a staff search by phone digits never matches it, and never a `+`, so it can never be taken
 * for a real number.
 */
export const ANONYMISED_PHONE_PREFIX = 'anon-';

export function anonymisedPhone(bookingId: number): string {
  let rest = bookingId;
  let letters = '';
  do {
    letters = String.fromCharCode(97 + (rest % 26)) + letters;
    rest = Math.floor(rest / 26);
  } while (rest > 0);
  return `${ANONYMISED_PHONE_PREFIX}${letters}`;
}

export function isAnonymisedPhone(phone: string): boolean {
  return phone.startsWith(ANONYMISED_PHONE_PREFIX);
}

/** Keys of an audit copy that hold a devotee's details or words typed about them. */
const PERSONAL_KEYS: ReadonlySet<string> = new Set([
  'devoteeName',
  'phone',
  'email',
  'gotra',
  'nakshatra',
  'rashi',
  'reason',
  'cancelReason',
]);

/** An audit copy (parsed JSON) with every personal value replaced, at any depth. */
export function scrubbedCopy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(scrubbedCopy);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [
      key,
      PERSONAL_KEYS.has(key)
        ? key === 'devoteeName' && inner !== null
          ? ANONYMISED_NAME
          : null
        : scrubbedCopy(inner),
    ]),
  );
}

function scrubbedText(text: string | null): string | null {
  if (text === null) return null;
  try {
    return JSON.stringify(scrubbedCopy(JSON.parse(text)));
  } catch {
    // Not JSON: nothing in it can be told apart from the devotee's details.
    return null;
  }
}

export interface AnonymisedCounts {
  bookings: number;
  notifications: number;
  auditEntries: number;
}

/** Messages of an anonymised booking can never be sent: there is no number to send them to. */
const UNSENDABLE = ['pending', 'failed', 'dead'] as const;

/**
 * Anonymises these bookings, their audit copies and their messages. Returns how many rows of
 * each it changed (bookings already anonymised are not counted again).
 */
export async function anonymiseBookings(
  tx: Tx,
  bookingIds: readonly number[],
): Promise<AnonymisedCounts> {
  const counts: AnonymisedCounts = { bookings: 0, notifications: 0, auditEntries: 0 };
  if (bookingIds.length === 0) return counts;
  const ids = [...bookingIds].sort((a, b) => a - b);

  for (const id of ids) {
    const { count } = await tx.booking.updateMany({
      where: { id, NOT: { phone: { startsWith: ANONYMISED_PHONE_PREFIX } } },
      data: {
        devoteeName: ANONYMISED_NAME,
        phone: anonymisedPhone(id),
        email: null,
        gotra: null,
        nakshatra: null,
        rashi: null,
        cancelReason: null,
        // A key a third party chose may be built from the number; the fingerprint is a hash
        // of the request, number and name included. Neither is needed once the seva is past.
        idempotencyKey: null,
        idempotencyFingerprint: null,
      },
    });
    counts.bookings += count;
  }

  counts.auditEntries = await scrubAuditEntries(tx, { bookingId: { in: ids } });

  const messages = await tx.notification.findMany({
    where: {
      bookingId: { in: ids },
      OR: [{ lastError: { not: null } }, { status: { in: [...UNSENDABLE] } }],
    },
    select: { id: true },
    orderBy: { id: 'asc' },
  });
  if (messages.length > 0) {
    const messageIds = messages.map((m) => m.id);
    // Twilio's error texts may quote the number they could not reach.
    await tx.notification.updateMany({
      where: { id: { in: messageIds } },
      data: { lastError: null },
    });
    await tx.notification.updateMany({
      where: { id: { in: messageIds }, status: { in: [...UNSENDABLE] } },
      data: { status: 'cancelled', leaseUntil: null, claimedBy: null },
    });
    counts.notifications = messages.length;
  }
  return counts;
}

/** Scrubs the before/after copies of the matching audit entries; returns how many changed. */
export async function scrubAuditEntries(
  tx: Tx,
  where: { bookingId: { in: number[] } } | { id: { in: number[] } },
): Promise<number> {
  const entries = await tx.auditEntry.findMany({
    where,
    select: { id: true, before: true, after: true },
    orderBy: { id: 'asc' },
  });
  let changed = 0;
  for (const entry of entries) {
    const before = scrubbedText(entry.before);
    const after = scrubbedText(entry.after);
    if (before === entry.before && after === entry.after) continue;
    await tx.auditEntry.update({ where: { id: entry.id }, data: { before, after } });
    changed++;
  }
  return changed;
}
