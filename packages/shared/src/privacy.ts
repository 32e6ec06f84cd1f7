import { parsePhoneNumberFromString } from 'libphonenumber-js/min';

/**
 * The version of the privacy notice the devotee site shows on its booking form. Bump it whenever
 * the notice's words change in any language: each booking records the version its devotee saw.
 */
export const PRIVACY_NOTICE_VERSION = '2026-12';

/** How the site's version is sent: short, plain, and never anything a devotee typed. */
export const privacyNoticeVersionPattern = /^[A-Za-z0-9._-]{1,16}$/;

/**
 * A phone number as a viewer (a priest, a read-only API key) sees it: the country code, the first
 * two and the last three digits, in the number's usual grouping: +91 98••• ••210. Enough to tell
 * two devotees apart on the day sheet, not enough to call one. Anything that is not a phone
 * number (an anonymised booking's placeholder) is shown as it is.
 */
export function maskPhoneForViewer(e164: string): string {
  const parsed = e164.startsWith('+') ? parsePhoneNumberFromString(e164) : undefined;
  if (!parsed) return e164;
  const national = parsed.nationalNumber;
  const prefix = `+${parsed.countryCallingCode}`;
  const grouped = parsed.formatInternational().slice(prefix.length);
  let index = 0;
  const masked = grouped.replace(/\d/g, (digit) => {
    const position = index++;
    return position < 2 || position >= national.length - 3 ? digit : '•';
  });
  return `${prefix}${masked}`;
}

/** The digits a number is written with inside its country (9876543210 for +919876543210). */
export function nationalDigits(e164: string): string {
  return parsePhoneNumberFromString(e164)?.nationalNumber ?? e164.replace(/\D/g, '');
}
