import {
  addDaysToDate,
  startOfTempleDay,
  templeDateOf,
  type NoShowQuery,
  type NoShowReport,
} from '@sevabook/shared';
import { Prisma } from '../generated/prisma/client.ts';
import type { Tx } from '../db/client.ts';
import { sevaName } from '../sevas/seva-dto.ts';

/**
 * A no-show is a confirmed booking not checked in, of a slot that has ended (its start plus
 * the seva's duration), at which the gate checked at least one booking in.
 *
 * NOTE: the last condition matters. A slot at which nobody was checked in was not being
 * checked at the gate (no one at the gate that morning, a seva held elsewhere); counting its
 * bookings as no-shows would refuse devotees who came. See docs/decisions/0019.
 */
const noShowConditions = (from: Date, to: Date, now: Date) => Prisma.sql`
  b.status = 'confirmed'
  AND s.starts_at >= ${from} AND s.starts_at < ${to}
  AND s.starts_at + INTERVAL v.duration_minutes MINUTE <= ${now}
  AND EXISTS (SELECT 1 FROM booking a WHERE a.slot_id = s.id AND a.arrived_at IS NOT NULL)`;

/** No-shows of one phone in a window of time, for the no-show limit on devotee bookings. */
export async function noShowsOfPhone(db: Tx, phone: string, since: Date, now: Date) {
  const [row] = await db.$queryRaw<{ n: bigint }[]>`
    SELECT COUNT(*) AS n
      FROM booking b JOIN slot s ON s.id = b.slot_id JOIN seva v ON v.id = s.seva_id
     WHERE b.phone = ${phone} AND b.arrived_at IS NULL AND ${noShowConditions(since, now, now)}`;
  return Number(row?.n ?? 0);
}

/** Phones listed in the report: those with at least this many no-shows in its range. */
const REPEATED = 2;
const MAX_PHONES = 200;

/** Per seva, and per phone with repeated no-shows, over a range of temple dates. */
export async function noShowReport(
  db: Tx,
  query: NoShowQuery,
  timeZone: string,
  now: Date,
): Promise<NoShowReport> {
  const from = startOfTempleDay(query.from, timeZone);
  const to = startOfTempleDay(addDaysToDate(query.to, 1), timeZone);
  const where = noShowConditions(from, to, now);
  const [bySeva, byPhone] = await Promise.all([
    db.$queryRaw<{ sevaId: number; expected: bigint; arrived: unknown }[]>`
      SELECT s.seva_id AS sevaId, COUNT(*) AS expected,
             SUM(b.arrived_at IS NOT NULL) AS arrived
        FROM booking b JOIN slot s ON s.id = b.slot_id JOIN seva v ON v.id = s.seva_id
       WHERE ${where}
       GROUP BY s.seva_id`,
    db.$queryRaw<{ phone: string; noShows: bigint; lastAt: Date; names: string }[]>`
      SELECT b.phone, COUNT(*) AS noShows, MAX(s.starts_at) AS lastAt,
             GROUP_CONCAT(b.devotee_name ORDER BY s.starts_at DESC SEPARATOR '\n') AS names
        FROM booking b JOIN slot s ON s.id = b.slot_id JOIN seva v ON v.id = s.seva_id
       WHERE b.arrived_at IS NULL AND ${where}
       GROUP BY b.phone
      HAVING COUNT(*) >= ${REPEATED}
       ORDER BY noShows DESC, lastAt DESC
       LIMIT ${MAX_PHONES}`,
  ]);
  const sevas = await db.seva.findMany({
    where: { id: { in: bySeva.map((r) => r.sevaId) } },
    orderBy: [{ sortOrder: 'asc' }, { id: 'asc' }],
  });
  return {
    from: query.from,
    to: query.to,
    sevas: sevas.map((seva) => {
      const row = bySeva.find((r) => r.sevaId === seva.id);
      const expected = Number(row?.expected ?? 0);
      const arrived = Number(row?.arrived ?? 0);
      return {
        sevaId: seva.id,
        name: sevaName(seva),
        expected,
        arrived,
        noShows: expected - arrived,
      };
    }),
    phones: byPhone.map((r) => ({
      phone: r.phone,
      devoteeName: r.names.split('\n')[0] ?? '',
      noShows: Number(r.noShows),
      lastNoShowDate: templeDateOf(r.lastAt, timeZone),
    })),
  };
}
