import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min';

/** Devotees type numbers as they say them; most are Indian, so India is the default region. */
export const DEFAULT_PHONE_REGION: CountryCode = 'IN';

// The last numbers parsed: a request's number is checked by its schema and then stored by the
// service, and parsing one costs tens of microseconds (a measurable share of a flash sale).
const recent = new Map<string, string | null>();

/** The number in E.164 (+919876543210), or null when it is not a valid phone number. */
export function toE164(input: string, region: CountryCode = DEFAULT_PHONE_REGION): string | null {
  const key = `${region} ${input}`;
  const known = recent.get(key);
  if (known !== undefined) return known;
  const parsed = parsePhoneNumberFromString(input.trim(), region);
  const e164 = parsed?.isValid() ? parsed.number : null;
  if (recent.size >= 1_000) recent.clear();
  recent.set(key, e164);
  return e164;
}

/** For screens and lists: +91 98765 43210. */
export function formatPhoneInternational(e164: string): string {
  return parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
}
