import {
  addDaysToDate,
  startOfTempleDay,
  templeTimeOf,
  type DaySheet,
  type DaySheetQuery,
  type SevaSummary,
} from '@sevabook/shared';
import type { Tx } from '../../db/client.ts';
import { bookingMoney, paymentsInclude } from '../payments/booking-money.ts';
import { sevaName } from '../../sevas/seva-dto.ts';
import { arrivalOf, arrivalsOf, arrivedByInclude } from '../../check-in/arrivals.ts';

/** The temple-local day [start, end) as UTC instants. */
function dayRange(from: string, to: string, timeZone: string) {
  return {
    gte: startOfTempleDay(from, timeZone),
    lt: startOfTempleDay(addDaysToDate(to, 1), timeZone),
  };
}

/** A day's slots in time order with their bookings, as the priests' printed sheet shows them. */
export async function buildDaySheet(
  db: Tx,
  query: DaySheetQuery,
  timeZone: string,
  receiptPrefix: string,
): Promise<DaySheet> {
  const slots = await db.slot.findMany({
    where: {
      startsAt: dayRange(query.date, query.date, timeZone),
      ...(query.sevaId ? { sevaId: query.sevaId } : {}),
    },
    include: {
      seva: true,
      bookings: {
        where: query.includeCancelled ? {} : { status: 'confirmed' },
        orderBy: [{ status: 'asc' }, { createdAt: 'asc' }],
        include: {
          notifications: {
            where: { kind: 'confirmation' },
            select: { status: true, attempts: true },
            orderBy: { id: 'desc' },
            take: 1,
          },
          ...arrivedByInclude,
          payments: paymentsInclude,
        },
      },
    },
    orderBy: [{ startsAt: 'asc' }, { seva: { sortOrder: 'asc' } }, { id: 'asc' }],
  });

  const totals = { bookings: 0, persons: 0, feePaise: 0 };
  const sheet = slots.map((slot) => ({
    id: slot.id,
    startsAt: slot.startsAt.toISOString(),
    time: templeTimeOf(slot.startsAt, timeZone),
    seva: {
      id: slot.seva.id,
      name: sevaName(slot.seva),
      durationMinutes: slot.seva.durationMinutes,
    },
    capacity: slot.capacity,
    booked: slot.booked,
    status: slot.status,
    note: slot.note,
    arrivals: arrivalsOf(slot.bookings),
    bookings: slot.bookings.map((b) => {
      // The fee it was booked at, whatever the seva's fee is now.
      const { feePaise } = b;
      if (b.status === 'confirmed') {
        totals.bookings += 1;
        totals.persons += b.persons;
        totals.feePaise += feePaise;
      }
      return {
        id: b.id,
        reference: b.reference,
        devoteeName: b.devoteeName,
        phone: b.phone,
        persons: b.persons,
        gotra: b.gotra,
        nakshatra: b.nakshatra,
        rashi: b.rashi,
        status: b.status,
        source: b.source,
        feePaise,
        confirmationStatus: b.notifications[0]?.status ?? null,
        confirmationAttempts: b.notifications[0]?.attempts ?? null,
        ...arrivalOf(b, timeZone),
        ...bookingMoney(b, receiptPrefix),
      };
    }),
  }));
  return { date: query.date, slots: sheet, totals };
}

/** Per seva, over a range of temple dates: slots held, confirmed bookings, persons and fees. */
export async function sevaSummary(
  db: Tx,
  from: string,
  to: string,
  timeZone: string,
): Promise<SevaSummary> {
  const startsAt = dayRange(from, to, timeZone);
  // slot.booked is kept equal to the confirmed persons by every booking transaction.
  const [bySeva, bookingsBySlot, slots] = await Promise.all([
    db.slot.groupBy({
      by: ['sevaId'],
      where: { startsAt },
      _count: { _all: true },
      _sum: { booked: true },
    }),
    db.booking.groupBy({
      by: ['slotId'],
      where: { status: 'confirmed', slot: { startsAt } },
      _count: { _all: true },
    }),
    db.slot.findMany({ where: { startsAt }, select: { id: true, sevaId: true } }),
  ]);
  const sevaOfSlot = new Map(slots.map((s) => [s.id, s.sevaId]));
  const bookingCount = new Map<number, number>();
  for (const row of bookingsBySlot) {
    const sevaId = sevaOfSlot.get(row.slotId);
    if (sevaId !== undefined)
      bookingCount.set(sevaId, (bookingCount.get(sevaId) ?? 0) + row._count._all);
  }
  const sevas = await db.seva.findMany({
    where: { id: { in: bySeva.map((r) => r.sevaId) } },
    orderBy: [{ sortOrder: 'asc' }, { id: 'asc' }],
  });
  return {
    from,
    to,
    items: sevas.map((seva) => {
      const row = bySeva.find((r) => r.sevaId === seva.id);
      const persons = row?._sum.booked ?? 0;
      return {
        sevaId: seva.id,
        name: sevaName(seva),
        slots: row?._count._all ?? 0,
        bookings: bookingCount.get(seva.id) ?? 0,
        persons,
        feePaise: persons * seva.feePaise,
      };
    }),
  };
}
