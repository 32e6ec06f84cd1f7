import type { LocalizedText } from '@sevabook/shared';
import { formatCalendarDate, formatRupees, formatWallTime, formatZonedInstant } from '@sevabook/ui';

/**
 * Dates, times and money as staff read them. Temple-local dates and times from the API are
 * formatted as plain calendar values (in UTC, so the browser's zone cannot shift them); instants
 * are formatted in the temple's zone.
 */
const LOCALE = 'en-IN';

export const formatDate = (date: string, style: 'long' | 'short' = 'long') =>
  formatCalendarDate(date, LOCALE, style);

export const formatTime = (time: string) => formatWallTime(time, LOCALE);

export const formatInstant = (iso: string, timeZone: string) =>
  formatZonedInstant(iso, LOCALE, timeZone, 'year');

export const formatMoney = (paise: number) => formatRupees(paise, LOCALE);

/** "Rudrabhisheka · ರುದ್ರಾಭಿಷೇಕ": staff and priests read both. */
export function bilingual(name: Pick<LocalizedText, 'en' | 'kn'>): string {
  return name.kn.trim() && name.kn !== name.en ? `${name.en} · ${name.kn}` : name.en;
}
