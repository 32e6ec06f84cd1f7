import {
  addDaysToDate,
  dateColumnValue,
  dateOfDateColumn,
  isoWeekdayOf,
  parseTimeList,
  parseWeekdayList,
  templeDateOf,
  templeDateTimeToUtc,
} from '@sevabook/shared';
import type { Tx } from '../db/client.ts';

export interface MaterialiseOptions {
  /** The temple's IANA zone: schedule times are wall-clock times there. */
  timeZone: string;
  /** How many temple dates, today included, to make slots for. */
  horizonDays: number;
  /** The first temple date (YYYY-MM-DD); today in the temple's zone by default. */
  today?: string;
  /** Only this seva's schedules; every active seva's by default. */
  sevaId?: number;
}

interface NewSlot {
  sevaId: number;
  scheduleId: number;
  startsAt: Date;
  capacity: number;
}

/** Rows per INSERT: keeps each statement well under max_allowed_packet. */
const CHUNK = 1_000;

/**
 * Turns the recurring schedules of active sevas into slot rows for the coming days, skipping
 * the temple's and each seva's closed dates. Safe to run any number of times, from any number
 * of processes at once: a slot that exists already (same seva and start) is left as it is, so
 * staff changes to a slot (closed, capacity raised) survive. Returns how many slots it made.
 */
export async function materialiseSlots(db: Tx, options: MaterialiseOptions): Promise<number> {
  const { timeZone, horizonDays, sevaId } = options;
  if (horizonDays < 1) return 0;
  const first = options.today ?? templeDateOf(new Date(), timeZone);
  const last = addDaysToDate(first, horizonDays - 1);

  const sevas = await db.seva.findMany({
    where: { active: true, ...(sevaId === undefined ? {} : { id: sevaId }) },
    select: {
      id: true,
      defaultCapacity: true,
      schedules: {
        where: {
          active: true,
          validFrom: { lte: dateColumnValue(last) },
          OR: [{ validUntil: null }, { validUntil: { gte: dateColumnValue(first) } }],
        },
        select: {
          id: true,
          weekdays: true,
          times: true,
          capacity: true,
          validFrom: true,
          validUntil: true,
        },
      },
    },
  });
  if (sevas.length === 0) return 0;

  const closedDates = await db.closedDate.findMany({
    where: {
      date: { gte: dateColumnValue(first), lte: dateColumnValue(last) },
      OR: [{ sevaId: null }, { sevaId: { in: sevas.map((s) => s.id) } }],
    },
    select: { sevaId: true, date: true },
  });
  // "*" stands for the whole temple (seva_id NULL).
  const closed = new Set(closedDates.map((c) => `${c.sevaId ?? '*'}:${dateOfDateColumn(c.date)}`));
  const isClosed = (id: number, date: string) =>
    closed.has(`*:${date}`) || closed.has(`${id}:${date}`);

  const slots: NewSlot[] = [];
  for (const seva of sevas) {
    for (const schedule of seva.schedules) {
      const { weekdays, times } = parseSchedule(schedule);
      const from = maxDate(first, dateOfDateColumn(schedule.validFrom));
      const until = schedule.validUntil
        ? minDate(last, dateOfDateColumn(schedule.validUntil))
        : last;
      for (let date = from; date <= until; date = addDaysToDate(date, 1)) {
        if (!weekdays.has(isoWeekdayOf(date)) || isClosed(seva.id, date)) continue;
        for (const time of times) {
          slots.push({
            sevaId: seva.id,
            scheduleId: schedule.id,
            startsAt: templeDateTimeToUtc(date, time, timeZone),
            capacity: schedule.capacity ?? seva.defaultCapacity,
          });
        }
      }
    }
  }

  let created = 0;
  for (let i = 0; i < slots.length; i += CHUNK) {
    // NOTE: skipDuplicates is INSERT IGNORE on MySQL/MariaDB: the unique (seva_id, starts_at)
    // makes a second run a no-op, and two schedules of one seva at the same time make one slot.
    // IGNORE also turns other row errors into warnings, so the rows must be valid: capacity
    // comes from columns whose CHECKs already demand > 0.
    const { count } = await db.slot.createMany({
      data: slots.slice(i, i + CHUNK),
      skipDuplicates: true,
    });
    created += count;
  }
  return created;
}

function parseSchedule(schedule: { id: number; weekdays: string; times: string }) {
  try {
    return {
      weekdays: new Set(parseWeekdayList(schedule.weekdays)),
      times: parseTimeList(schedule.times),
    };
  } catch (error) {
    throw new Error(`Schedule ${schedule.id} cannot be read: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

// YYYY-MM-DD strings compare in calendar order.
const maxDate = (a: string, b: string) => (a > b ? a : b);
const minDate = (a: string, b: string) => (a < b ? a : b);
