import { templeDateOf } from '@sevabook/shared';
import type { Tx } from '../db/client.ts';
import { Prisma, type Seva } from '../generated/prisma/client.ts';
import { notFound } from '../errors.ts';
import { bookingWindow } from '../slots/booking-window.ts';

const NEXT_OPEN_DATES = 3;

export async function listActiveSevas(db: Tx): Promise<Seva[]> {
  return db.seva.findMany({
    where: { active: true },
    orderBy: [{ sortOrder: 'asc' }, { id: 'asc' }],
  });
}

export async function getActiveSeva(db: Tx, id: number): Promise<Seva> {
  const seva = await db.seva.findFirst({ where: { id, active: true } });
  if (!seva) throw notFound(`There is no seva ${id}.`);
  return seva;
}

/**
 * For each seva, the first few temple dates that still have a bookable place. One query for
 * all sevas: open slots with room whose booking has not closed, within the widest window.
 */
export async function nextOpenDates(
  db: Tx,
  sevas: Seva[],
  now: Date,
  timeZone: string,
): Promise<Map<number, string[]>> {
  const result = new Map<number, string[]>(sevas.map((s) => [s.id, []]));
  if (sevas.length === 0) return result;
  const widest = Math.max(...sevas.map((s) => s.bookingOpensDaysAhead)) + 1;
  // NOTE: booked < capacity compares two columns, which Prisma's where cannot say.
  const rows = await db.$queryRaw<{ sevaId: number; startsAt: Date }[]>`
    SELECT seva_id AS sevaId, starts_at AS startsAt FROM slot
    WHERE status = 'open' AND booked < capacity
      AND starts_at > ${now} AND starts_at < ${new Date(now.getTime() + widest * 86_400_000)}
      AND seva_id IN (${Prisma.join(sevas.map((s) => s.id))})
    ORDER BY starts_at`;
  const byId = new Map(sevas.map((s) => [s.id, s]));
  for (const row of rows) {
    const seva = byId.get(Number(row.sevaId));
    const dates = result.get(Number(row.sevaId));
    if (!seva || !dates || dates.length >= NEXT_OPEN_DATES) continue;
    const window = bookingWindow(row.startsAt, seva, timeZone);
    if (now < window.opensAt || now > window.closesAt) continue;
    const date = templeDateOf(row.startsAt, timeZone);
    if (!dates.includes(date)) dates.push(date);
  }
  return result;
}
