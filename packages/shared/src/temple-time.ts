import { TZDate } from '@date-fns/tz';
import { addDays, format, parseISO } from 'date-fns';

/**
 * Slots are stored in UTC; every date a person sees is in the temple's own zone, whatever the
 * server's or the phone's TZ. These helpers are the only place that conversion happens.
 */
export const DEFAULT_TEMPLE_TIMEZONE = 'Asia/Kolkata';

export const isoDatePattern = /^\d{4}-\d{2}-\d{2}$/;
export const localTimePattern = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * Remembers the last few thousand answers of a pure conversion. Time-zone arithmetic costs tens
 * of microseconds a call, and a temple has few distinct instants (its slots), asked about over
 * and over: every booking and every answer about one converts the same slot start.
 */
function remembered<A extends unknown[]>(
  convert: (...args: A) => string,
  key: (...args: A) => string,
): (...args: A) => string;
function remembered<A extends unknown[]>(
  convert: (...args: A) => Date,
  key: (...args: A) => string,
): (...args: A) => Date;
function remembered<A extends unknown[]>(
  convert: (...args: A) => string | Date,
  key: (...args: A) => string,
): (...args: A) => string | Date {
  const answers = new Map<string, string | number>();
  return (...args: A) => {
    const k = key(...args);
    const known = answers.get(k);
    if (known !== undefined) return typeof known === 'number' ? new Date(known) : known;
    const answer = convert(...args);
    if (answers.size >= 5_000) answers.clear();
    // A Date is mutable: keep its time and hand out a new one each call.
    answers.set(k, answer instanceof Date ? answer.getTime() : answer);
    return answer;
  };
}

/** The temple-local calendar date (YYYY-MM-DD) of an instant. */
export const templeDateOf = remembered(
  (instant: Date, timeZone: string) => format(new TZDate(instant, timeZone), 'yyyy-MM-dd'),
  (instant, timeZone) => `${timeZone} ${instant.getTime()}`,
);

/** The temple-local wall-clock time (HH:mm) of an instant. */
export const templeTimeOf = remembered(
  (instant: Date, timeZone: string) => format(new TZDate(instant, timeZone), 'HH:mm'),
  (instant, timeZone) => `${timeZone} ${instant.getTime()}`,
);

/** The instant at which a temple-local date and time (HH:mm) happens. */
export const templeDateTimeToUtc = remembered(
  (date: string, time: string, timeZone: string) => {
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    const [hh, mm] = time.split(':').map(Number) as [number, number];
    return new Date(new TZDate(y, m - 1, d, hh, mm, 0, timeZone).getTime());
  },
  (date, time, timeZone) => `${timeZone} ${date} ${time}`,
);

/** The instant a temple-local date begins. */
export function startOfTempleDay(date: string, timeZone: string): Date {
  return templeDateTimeToUtc(date, '00:00', timeZone);
}

/** Calendar arithmetic on YYYY-MM-DD strings, free of any time zone. */
export const addDaysToDate = remembered(
  (date: string, days: number) => format(addDays(parseISO(date), days), 'yyyy-MM-dd'),
  (date, days) => `${date} ${days}`,
);

/** ISO weekday (1 = Monday … 7 = Sunday) of a YYYY-MM-DD date. */
export function isoWeekdayOf(date: string): number {
  const day = parseISO(date).getDay();
  return day === 0 ? 7 : day;
}

/** Whole days from one YYYY-MM-DD date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((parseISO(to).getTime() - parseISO(from).getTime()) / 86_400_000);
}

/**
 * NOTE: Prisma reads and writes a DATE column (schedule.valid_from, closed_date.date) as a JS
 * Date at UTC midnight, whatever the temple's or the server's zone. These two convert between
 * that value and the YYYY-MM-DD temple date the rest of the code uses; never format such a Date
 * in a time zone.
 */
export function dateColumnValue(date: string): Date {
  return new Date(`${date}T00:00:00.000Z`);
}

/** The YYYY-MM-DD of a DATE column as Prisma returns it (see dateColumnValue). */
export function dateOfDateColumn(value: Date): string {
  return value.toISOString().slice(0, 10);
}

/** A schedule's weekday list ("1,3,5", ISO: 1 = Monday … 7 = Sunday) as numbers. */
export function parseWeekdayList(list: string): number[] {
  const days = list.split(',').map((d) => d.trim());
  if (days.some((d) => !/^[1-7]$/.test(d))) {
    throw new Error(`Not a list of ISO weekdays 1-7: "${list}"`);
  }
  return [...new Set(days.map(Number))].sort((a, b) => a - b);
}

/** A schedule's list of local start times ("06:30,18:00"), sorted. */
export function parseTimeList(list: string): string[] {
  const times = list.split(',').map((t) => t.trim());
  if (times.some((t) => !localTimePattern.test(t))) {
    throw new Error(`Not a list of HH:mm times: "${list}"`);
  }
  return [...new Set(times)].sort();
}
