import type { Tx } from '../db/client.ts';
import { bookingInclude, type BookingWithSlot } from '../bookings/booking-dto.ts';

/** How far back "past" bookings go: a year of seva, enough for a receipt or a yearly seva. */
const PAST_MONTHS = 12;
/** Enough for any devotee; a phone with more (a family's organiser) sees the nearest ones. */
const MAX_EACH = 100;

export interface PhoneBookings {
  upcoming: BookingWithSlot[];
  past: BookingWithSlot[];
}

/**
 * A phone's bookings, upcoming (soonest first) and past (latest first). A payment hold that ran
 * out never became a booking the devotee holds, so it is left out.
 */
export async function bookingsOfPhone(db: Tx, phone: string, now: Date): Promise<PhoneBookings> {
  const since = new Date(now);
  since.setUTCMonth(since.getUTCMonth() - PAST_MONTHS);
  const base = { phone, status: { not: 'expired' as const } };
  const [upcoming, past] = await Promise.all([
    db.booking.findMany({
      where: { ...base, slot: { startsAt: { gte: now } } },
      include: bookingInclude,
      orderBy: [{ slot: { startsAt: 'asc' } }, { id: 'asc' }],
      take: MAX_EACH,
    }),
    db.booking.findMany({
      where: { ...base, slot: { startsAt: { lt: now, gte: since } } },
      include: bookingInclude,
      orderBy: [{ slot: { startsAt: 'desc' } }, { id: 'desc' }],
      take: MAX_EACH,
    }),
  ]);
  return { upcoming, past };
}
