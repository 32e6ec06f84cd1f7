import {
  addDaysToDate,
  startOfTempleDay,
  type ClosingImpact,
  type ClosingImpactQuery,
} from '@sevabook/shared';
import type { Db } from '../../db/client.ts';
import { notFound } from '../../errors.ts';

/**
 * What closing would cancel, asked before staff commit to it: how many slots, bookings,
 * devotees (different phones) and persons. Counted the way createClosedDate and updateSlot
 * cancel: slots not yet cancelled, bookings still confirmed.
 */
async function impactOfSlots(db: Db, slotIds: number[]): Promise<ClosingImpact> {
  if (slotIds.length === 0) return { slots: 0, bookings: 0, devotees: 0, persons: 0 };
  const where = { slotId: { in: slotIds }, status: 'confirmed' as const };
  const [totals, phones] = await Promise.all([
    db.booking.aggregate({ where, _count: { _all: true }, _sum: { persons: true } }),
    db.booking.groupBy({ by: ['phone'], where }),
  ]);
  return {
    slots: slotIds.length,
    bookings: totals._count._all,
    devotees: phones.length,
    persons: totals._sum.persons ?? 0,
  };
}

export async function impactOfClosingDate(
  db: Db,
  query: ClosingImpactQuery,
  timeZone: string,
): Promise<ClosingImpact> {
  if (query.sevaId !== undefined && !(await db.seva.findUnique({ where: { id: query.sevaId } }))) {
    throw notFound(`There is no seva ${query.sevaId}.`);
  }
  const slots = await db.slot.findMany({
    where: {
      startsAt: {
        gte: startOfTempleDay(query.date, timeZone),
        lt: startOfTempleDay(addDaysToDate(query.date, 1), timeZone),
      },
      status: { not: 'cancelled' },
      ...(query.sevaId !== undefined ? { sevaId: query.sevaId } : {}),
    },
    select: { id: true },
  });
  return impactOfSlots(
    db,
    slots.map((s) => s.id),
  );
}

/** A slot that is open has bookings to cancel; one already closed or cancelled has none. */
export async function impactOfClosingSlot(db: Db, slotId: number): Promise<ClosingImpact> {
  const slot = await db.slot.findUnique({ where: { id: slotId }, select: { status: true } });
  if (!slot) throw notFound(`There is no slot ${slotId}.`);
  const impact = await impactOfSlots(db, [slotId]);
  return slot.status === 'open' ? impact : { ...impact, slots: 0 };
}
