import { MAX_SLOT_RANGE_DAYS, addDaysToDate } from '@sevabook/shared';

/**
 * What a seva's page on the devotee site asks for first: the seva, its slots from today as far
 * as one request reaches, and its closed dates (apps/web/src/app/preload-page-data.ts and
 * lib/slots/slots-ahead.ts). Named in the page's `Link` header, the phone fetches them while the
 * scripts download, instead of once they have run; the scripts then find the answers ready.
 * NOTE: the addresses must be the very ones the site asks for (same parameters, same order), or
 * the phone fetches twice.
 */
export function sevaPagePreloads(path: string, timeZone: string, now = new Date()): string[] {
  const sevaId = /^\/sevas\/(\d{1,9})\/?$/.exec(path)?.[1];
  if (sevaId === undefined) return [];
  const from = todayIn(timeZone, now);
  const range = new URLSearchParams({
    from,
    to: addDaysToDate(from, MAX_SLOT_RANGE_DAYS - 1),
    sevaId: String(Number(sevaId)),
  }).toString();
  return [
    `/api/v1/sevas/${Number(sevaId)}`,
    `/api/v1/slots?${range}`,
    `/api/v1/closed-dates?${range}`,
  ];
}

/** A `Link` header value preloading each address as the site's own fetches ask for it. */
export function preloadLinkHeader(addresses: string[]): string {
  return addresses.map((a) => `<${a}>; rel=preload; as=fetch; crossorigin=anonymous`).join(', ');
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Today's date (YYYY-MM-DD) in the temple's zone. */
function todayIn(timeZone: string, now: Date): string {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    // en-CA writes dates as YYYY-MM-DD.
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter.format(now);
}
