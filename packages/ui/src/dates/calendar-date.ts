/**
 * Calendar dates as the API gives them: 'YYYY-MM-DD' strings in the temple's time zone. Doing
 * the arithmetic on UTC midnights keeps it free of the device's own zone and of daylight saving.
 */
const DAY_MS = 86_400_000;

/** Today's date in the given IANA zone, e.g. the temple's Asia/Kolkata. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  // en-CA formats as YYYY-MM-DD; formatToParts keeps us independent of that detail anyway.
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

export function dateToUtcMidnight(date: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

export function addDays(date: string, days: number): string {
  return new Date(dateToUtcMidnight(date).getTime() + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysFrom(from: string, to: string): number {
  return Math.round((dateToUtcMidnight(to).getTime() - dateToUtcMidnight(from).getTime()) / DAY_MS);
}

/** A real calendar date written as 'YYYY-MM-DD' (so not '2026-02-30'). */
export function isIsoDate(value: string | null | undefined): value is string {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const parsed = dateToUtcMidnight(value);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}
