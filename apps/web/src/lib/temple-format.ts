import type { Language, LocalizedText } from '@sevabook/shared';
import {
  formatCalendarDate,
  formatCalendarMonth,
  formatMinutes,
  formatRupees,
  formatWallTime,
  formatZonedInstant,
  type DateStyle,
} from '@sevabook/ui';

/**
 * Dates, times and money as people read them, in the language they chose (English or Kannada),
 * e.g. "Tuesday, 24 November 2026" / "ಮಂಗಳವಾರ, 24 ನವೆಂಬರ್ 2026". The formatting is shared.
 */
export type UiLanguage = Extract<Language, 'en' | 'kn'>;

const locales: Record<UiLanguage, string> = { en: 'en-IN', kn: 'kn-IN' };

export const formatDate = (date: string, language: UiLanguage, style: DateStyle = 'long') =>
  formatCalendarDate(date, locales[language], style);

export const formatMonth = (date: string, language: UiLanguage) =>
  formatCalendarMonth(date, locales[language]);

export const formatTime = (time: string, language: UiLanguage) =>
  formatWallTime(time, locales[language]);

/** An instant (ISO, UTC) shown in the temple's zone, with weekday, date and time. */
export const formatInstant = (iso: string, language: UiLanguage, timeZone: string) =>
  formatZonedInstant(iso, locales[language], timeZone, 'weekday');

export const formatMoney = (paise: number, language: UiLanguage) =>
  formatRupees(paise, locales[language]);

export const formatDuration = (minutes: number, language: UiLanguage) =>
  formatMinutes(minutes, locales[language]);

/** The text in the chosen language, falling back to English where a translation is missing. */
export function localized(
  text: Pick<LocalizedText, 'en' | 'kn'> & Partial<LocalizedText>,
  language: UiLanguage,
): string {
  return text[language]?.trim() || text.en;
}
