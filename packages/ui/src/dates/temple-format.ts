import { dateToUtcMidnight } from './calendar-date.ts';

/**
 * Dates, times and money through Intl, in the locale a site passes ('en-IN', 'kn-IN').
 *
 * The API gives slot dates and times as temple-local strings ('2026-11-24', '06:30'); those are
 * formatted as plain calendar values (in UTC, so the device's own zone cannot shift them).
 * Instants (startsAt, cancellableUntil) are formatted in the temple's zone.
 */
const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T {
  let f = cache.get(key);
  if (!f) {
    f = make();
    cache.set(key, f);
  }
  return f as T;
}

export type DateStyle = 'long' | 'short' | 'weekday' | 'dayMonth';
const dateOptions: Record<DateStyle, Intl.DateTimeFormatOptions> = {
  long: { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' },
  short: { weekday: 'short', day: 'numeric', month: 'short' },
  weekday: { weekday: 'short' },
  dayMonth: { day: 'numeric', month: 'short' },
};

/** A temple-local calendar date, e.g. "Tuesday, 24 November 2026". */
export function formatCalendarDate(
  date: string,
  locale: string,
  style: DateStyle = 'long',
): string {
  const f = cached(
    `d:${locale}:${style}`,
    () => new Intl.DateTimeFormat(locale, { ...dateOptions[style], timeZone: 'UTC' }),
  );
  return f.format(dateToUtcMidnight(date));
}

/** The month of a date, e.g. "November 2026". */
export function formatCalendarMonth(date: string, locale: string): string {
  const f = cached(
    `m:${locale}`,
    () => new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }),
  );
  return f.format(dateToUtcMidnight(date));
}

/** A temple-local wall-clock time 'HH:mm', e.g. "6:30 am". */
export function formatWallTime(time: string, locale: string): string {
  const [h, m] = time.split(':').map(Number) as [number, number];
  const f = cached(
    `t:${locale}`,
    () => new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' }),
  );
  return f.format(new Date(Date.UTC(2000, 0, 1, h, m)));
}

/**
 * An instant (ISO, UTC) shown in the temple's zone with date and time: with the weekday
 * ("Tue, 24 Nov, 6:30 am") or with the year ("24 Nov 2026, 6:30 am").
 */
export function formatZonedInstant(
  iso: string,
  locale: string,
  timeZone: string,
  withDay: 'weekday' | 'year' = 'weekday',
): string {
  const f = cached(
    `i:${locale}:${timeZone}:${withDay}`,
    () =>
      new Intl.DateTimeFormat(locale, {
        ...(withDay === 'weekday' ? { weekday: 'short' } : {}),
        day: 'numeric',
        month: 'short',
        ...(withDay === 'year' ? { year: 'numeric' } : {}),
        hour: 'numeric',
        minute: '2-digit',
        timeZone,
      }),
  );
  return f.format(new Date(iso));
}

/** Rupees from paise: "₹250", or "₹250.50" when there are paise. */
export function formatRupees(paise: number, locale: string): string {
  const whole = paise % 100 === 0;
  const f = cached(
    `c:${locale}:${whole}`,
    () =>
      new Intl.NumberFormat(locale, {
        style: 'currency',
        currency: 'INR',
        minimumFractionDigits: whole ? 0 : 2,
        maximumFractionDigits: 2,
      }),
  );
  return f.format(paise / 100);
}

/** "45 minutes", "1 hour 30 minutes". */
export function formatMinutes(minutes: number, locale: string): string {
  const unit = (u: 'hour' | 'minute', n: number) =>
    cached(
      `u:${locale}:${u}`,
      () => new Intl.NumberFormat(locale, { style: 'unit', unit: u, unitDisplay: 'long' }),
    ).format(n);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return unit('minute', m);
  if (m === 0) return unit('hour', h);
  return `${unit('hour', h)} ${unit('minute', m)}`;
}
