import type { LocalizedText } from '@sevabook/shared';
import { dateToUtcMidnight } from './calendar-date.ts';

/**
 * Dates, times and money as staff read them. Temple-local dates and times from the API are
 * formatted as plain calendar values (in UTC, so the browser's zone cannot shift them); instants
 * are formatted in the temple's zone.
 */
const LOCALE = 'en-IN';
const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T {
  let f = cache.get(key);
  if (!f) {
    f = make();
    cache.set(key, f);
  }
  return f as T;
}

const dateStyles = {
  long: { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' },
  short: { weekday: 'short', day: 'numeric', month: 'short' },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;

export function formatDate(date: string, style: keyof typeof dateStyles = 'long'): string {
  const f = cached(
    `d:${style}`,
    () => new Intl.DateTimeFormat(LOCALE, { ...dateStyles[style], timeZone: 'UTC' }),
  );
  return f.format(dateToUtcMidnight(date));
}

export function formatTime(time: string): string {
  const [h, m] = time.split(':').map(Number) as [number, number];
  const f = cached(
    't',
    () => new Intl.DateTimeFormat(LOCALE, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' }),
  );
  return f.format(new Date(Date.UTC(2000, 0, 1, h, m)));
}

export function formatInstant(iso: string, timeZone: string): string {
  const f = cached(
    `i:${timeZone}`,
    () =>
      new Intl.DateTimeFormat(LOCALE, {
        day: 'numeric',
        month: 'short',
        year: 'numeric',
        hour: 'numeric',
        minute: '2-digit',
        timeZone,
      }),
  );
  return f.format(new Date(iso));
}

export function formatMoney(paise: number): string {
  const whole = paise % 100 === 0;
  const f = cached(
    `c:${whole}`,
    () =>
      new Intl.NumberFormat(LOCALE, {
        style: 'currency',
        currency: 'INR',
        minimumFractionDigits: whole ? 0 : 2,
        maximumFractionDigits: 2,
      }),
  );
  return f.format(paise / 100);
}

/** "Rudrabhisheka · ರುದ್ರಾಭಿಷೇಕ": staff and priests read both. */
export function bilingual(name: Pick<LocalizedText, 'en' | 'kn'>): string {
  return name.kn.trim() && name.kn !== name.en ? `${name.en} · ${name.kn}` : name.en;
}
