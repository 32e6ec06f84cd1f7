import {
  addDaysToDate,
  MAX_SLOT_RANGE_DAYS,
  daysBetween,
  startOfTempleDay,
} from '@sevabook/shared';
import type { SlotQuery } from '@sevabook/shared';
import type { Tx } from '../db/client.ts';
import { validationFailed } from '../errors.ts';
import type { SlotWithSeva } from './slot-dto.ts';

/** Slots of active sevas whose temple-local date lies in [from, to], in time order. */
export async function listSlots(
  db: Tx,
  query: SlotQuery,
  timeZone: string,
): Promise<SlotWithSeva[]> {
  if (daysBetween(query.from, query.to) >= MAX_SLOT_RANGE_DAYS) {
    throw validationFailed(
      [
        {
          path: 'querystring.to',
          message: `Ask for at most ${MAX_SLOT_RANGE_DAYS} days at a time`,
        },
      ],
      'The date range is too long.',
    );
  }
  return db.slot.findMany({
    where: {
      startsAt: {
        gte: startOfTempleDay(query.from, timeZone),
        lt: startOfTempleDay(addDaysToDate(query.to, 1), timeZone),
      },
      ...(query.sevaId ? { sevaId: query.sevaId } : {}),
      seva: { active: true },
    },
    include: { seva: true },
    orderBy: [{ startsAt: 'asc' }, { sevaId: 'asc' }],
  });
}
