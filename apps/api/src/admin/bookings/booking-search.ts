import {
  addDaysToDate,
  normaliseReference,
  referencePattern,
  startOfTempleDay,
  toE164,
  type AdminBookingQuery,
} from '@sevabook/shared';
import type { Tx } from '../../db/client.ts';
import type { Prisma } from '../../generated/prisma/client.ts';
import { bookingInclude, type BookingWithSlot } from '../../bookings/booking-dto.ts';

/**
 * Staff search of bookings. The date range and seva are filters on the slot (indexed by
 * starts_at and (seva_id, starts_at)); free text matches a reference (prefix, unique index), a
 * phone (its digits) or a devotee's name. See docs/decisions/0005-staff-auth-and-search.md.
 */
export async function searchBookings(
  db: Tx,
  query: AdminBookingQuery,
  timeZone: string,
): Promise<{ items: BookingWithSlot[]; total: number }> {
  const where = bookingFilter(query, timeZone);
  const direction = query.sort.startsWith('-') ? 'desc' : 'asc';
  const orderBy: Prisma.BookingOrderByWithRelationInput[] = query.sort.endsWith('startsAt')
    ? [{ slot: { startsAt: direction } }, { id: direction }]
    : [{ createdAt: direction }, { id: direction }];
  const [items, total] = await Promise.all([
    db.booking.findMany({
      where,
      orderBy,
      include: bookingInclude,
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    }),
    db.booking.count({ where }),
  ]);
  return { items, total };
}

function bookingFilter(query: AdminBookingQuery, timeZone: string): Prisma.BookingWhereInput {
  const slot: Prisma.SlotWhereInput = {};
  if (query.from || query.to) {
    slot.startsAt = {
      ...(query.from ? { gte: startOfTempleDay(query.from, timeZone) } : {}),
      ...(query.to ? { lt: startOfTempleDay(addDaysToDate(query.to, 1), timeZone) } : {}),
    };
  }
  if (query.sevaId) slot.sevaId = query.sevaId;
  return {
    ...(Object.keys(slot).length ? { slot } : {}),
    ...(query.slotId ? { slotId: query.slotId } : {}),
    ...(query.status ? { status: query.status } : {}),
    ...(query.source ? { source: query.source } : {}),
    ...(query.q ? { OR: textMatches(query.q) } : {}),
  };
}

function textMatches(q: string): Prisma.BookingWhereInput[] {
  // A whole reference or phone number is an equality on its index, so the usual "the devotee
  // reads out their reference or number" lookup never scans. Anything else matches a name
  // anywhere in it: a scan of the rows the other filters leave (see the ADR).
  const reference = normaliseReference(q);
  if (referencePattern.test(reference)) return [{ reference }];
  const digits = q.replace(/\D/g, '');
  const phoneLike = digits.length >= 4 && digits.length >= q.replace(/[\s+()-]/g, '').length;
  if (phoneLike) {
    const phone = digits.length >= 10 ? toE164(q) : null;
    return [phone ? { phone } : { phone: { contains: digits } }];
  }
  const matches: Prisma.BookingWhereInput[] = [{ devoteeName: { contains: likeLiteral(q) } }];
  if (/^(sb-?)?[0-9a-z]{2,6}$/i.test(q)) matches.push({ reference: { startsWith: reference } });
  return matches;
}

/**
 * Prisma's `contains` becomes `LIKE '%…%'` with the text as it is, so `%`, `_` and a backslash
 * typed by staff would act as wildcards and escape: "50%" would also find "500". Escaped with
 * LIKE's default escape character, they match only themselves. NOTE: that default holds because
 * every connection turns NO_BACKSLASH_ESCAPES off (docs/decisions/0009-prisma-statements-as-text.md).
 */
function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
