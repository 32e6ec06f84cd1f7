import { TZDate } from '@date-fns/tz';
import { addDays, format, parseISO } from 'date-fns';

/**
 * Slots are stored in UTC; every date a person sees is in the temple's own zone, whatever the
 * server's or the phone's TZ. These helpers are the only place that conversion happens.
 */
export const DEFAULT_TEMPLE_TIMEZONE = 'Asia/Kolkata';

export const isoDatePattern = /^\d{4}-\d{2}-\d{2}$/;
export const localTimePattern = /^([01]\d|2[0-3]):[0-5]\d$/;

/** The temple-local calendar date (YYYY-MM-DD) of an instant. */
export function templeDateOf(instant: Date, timeZone: string): string {
  return format(new TZDate(instant, timeZone), 'yyyy-MM-dd');
}

/** The temple-local wall-clock time (HH:mm) of an instant. */
export function templeTimeOf(instant: Date, timeZone: string): string {
  return format(new TZDate(instant, timeZone), 'HH:mm');
}

/** The instant at which a temple-local date and time (HH:mm) happens. */
export function templeDateTimeToUtc(date: string, time: string, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  return new Date(new TZDate(y, m - 1, d, hh, mm, 0, timeZone).getTime());
}

/** The instant a temple-local date begins. */
export function startOfTempleDay(date: string, timeZone: string): Date {
  return templeDateTimeToUtc(date, '00:00', timeZone);
}

/** Calendar arithmetic on YYYY-MM-DD strings, free of any time zone. */
export function addDaysToDate(date: string, days: number): string {
  return format(addDays(parseISO(date), days), 'yyyy-MM-dd');
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a YYYY-MM-DD date. */
export function isoWeekdayOf(date: string): number {
  const day = parseISO(date).getDay();
  return day === 0 ? 7 : day;
}

/** Whole days from one YYYY-MM-DD date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((parseISO(to).getTime() - parseISO(from).getTime()) / 86_400_000);
}
