import type { Language, LocalizedText } from '@sevabook/shared';
import { dateToUtcMidnight } from './calendar-date.ts';

/**
 * Dates, times and money as people read them, through Intl in the language they chose.
 *
 * The API gives slot dates and times as temple-local strings ('2026-11-24', '06:30'); those are
 * formatted as plain calendar values (in UTC, so the phone's own zone cannot shift them).
 * Instants (startsAt, cancellableUntil) are formatted in the temple's zone.
 */
export type UiLanguage = Extract<Language, 'en' | 'kn'>;

const locales: Record<UiLanguage, string> = { en: 'en-IN', kn: 'kn-IN' };
export const localeOf = (language: UiLanguage): string => locales[language];

const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T {
  let f = cache.get(key);
  if (!f) {
    f = make();
    cache.set(key, f);
  }
  return f as T;
}

type DateStyle = 'long' | 'short' | 'weekday' | 'dayMonth';
const dateOptions: Record<DateStyle, Intl.DateTimeFormatOptions> = {
  long: { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' },
  short: { weekday: 'short', day: 'numeric', month: 'short' },
  weekday: { weekday: 'short' },
  dayMonth: { day: 'numeric', month: 'short' },
};

/** A temple-local calendar date, e.g. "Tuesday, 24 November 2026" / "ಮಂಗಳವಾರ, 24 ನವೆಂಬರ್ 2026". */
export function formatDate(date: string, language: UiLanguage, style: DateStyle = 'long'): string {
  const f = cached(
    `d:${language}:${style}`,
    () => new Intl.DateTimeFormat(locales[language], { ...dateOptions[style], timeZone: 'UTC' }),
  );
  return f.format(dateToUtcMidnight(date));
}

/** The month heading of a date strip, e.g. "November 2026". */
export function formatMonth(date: string, language: UiLanguage): string {
  const f = cached(
    `m:${language}`,
    () =>
      new Intl.DateTimeFormat(locales[language], {
        month: 'long',
        year: 'numeric',
        timeZone: 'UTC',
      }),
  );
  return f.format(dateToUtcMidnight(date));
}

/** A temple-local wall-clock time 'HH:mm', e.g. "6:30 am" / "ಬೆಳಿಗ್ಗೆ 6:30". */
export function formatTime(time: string, language: UiLanguage): string {
  const [h, m] = time.split(':').map(Number) as [number, number];
  const f = cached(
    `t:${language}`,
    () =>
      new Intl.DateTimeFormat(locales[language], {
        hour: 'numeric',
        minute: '2-digit',
        timeZone: 'UTC',
      }),
  );
  return f.format(new Date(Date.UTC(2000, 0, 1, h, m)));
}

/** An instant (ISO, UTC) shown in the temple's zone, with date and time. */
export function formatInstant(iso: string, language: UiLanguage, timeZone: string): string {
  const f = cached(
    `i:${language}:${timeZone}`,
    () =>
      new Intl.DateTimeFormat(locales[language], {
        weekday: 'short',
        day: 'numeric',
        month: 'short',
        hour: 'numeric',
        minute: '2-digit',
        timeZone,
      }),
  );
  return f.format(new Date(iso));
}

/** Rupees from paise: "₹250", or "₹250.50" when there are paise. */
export function formatMoney(paise: number, language: UiLanguage): string {
  const whole = paise % 100 === 0;
  const f = cached(
    `c:${language}:${whole}`,
    () =>
      new Intl.NumberFormat(locales[language], {
        style: 'currency',
        currency: 'INR',
        minimumFractionDigits: whole ? 0 : 2,
        maximumFractionDigits: 2,
      }),
  );
  return f.format(paise / 100);
}

/** "45 minutes", "1 hour 30 minutes" in the chosen language. */
export function formatDuration(minutes: number, language: UiLanguage): string {
  const unit = (u: 'hour' | 'minute', n: number) =>
    cached(
      `u:${language}:${u}`,
      () =>
        new Intl.NumberFormat(locales[language], { style: 'unit', unit: u, unitDisplay: 'long' }),
    ).format(n);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return unit('minute', m);
  if (m === 0) return unit('hour', h);
  return `${unit('hour', h)} ${unit('minute', m)}`;
}

/** The text in the chosen language, falling back to English where a translation is missing. */
export function localized(
  text: Pick<LocalizedText, 'en' | 'kn'> & Partial<LocalizedText>,
  language: UiLanguage,
): string {
  return text[language]?.trim() || text.en;
}
