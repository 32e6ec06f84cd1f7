import type { QueryClient } from '@tanstack/react-query';
import { sevaQueryOptions } from '../features/sevas/api/get-seva.ts';
import { sevasQueryOptions } from '../features/sevas/api/get-sevas.ts';
import { closedDatesQueryOptions } from '../features/slots/api/get-closed-dates.ts';
import { slotsQueryOptions } from '../lib/slots/get-slots.ts';
import { slotsAhead } from '../lib/slots/slots-ahead.ts';

/**
 * Asks for the data the opened page shows first (the sevas on the home page; a seva, its slots
 * and its closed dates on a seva's page, side by side) during start-up, while the page's code
 * loads, rather than once it has rendered. The page's own queries then find the answers under
 * the same keys. (The API names the same addresses in the page itself, so the phone has usually
 * started them already; see apps/api/src/plugins/page-preloads.ts.)
 */
export function preloadPageData(pathname: string, queryClient: QueryClient, timeZone: string) {
  // prefetchQuery never throws: should one fail, the page's own query asks again and shows why.
  if (pathname === '/') {
    void queryClient.prefetchQuery(sevasQueryOptions());
    return;
  }
  const sevaId = Number(/^\/sevas\/(\d+)\/?$/.exec(pathname)?.[1]);
  if (!Number.isSafeInteger(sevaId) || sevaId <= 0) return;
  void queryClient.prefetchQuery(sevaQueryOptions(sevaId));
  const ahead = slotsAhead(sevaId, timeZone);
  void queryClient.prefetchQuery(slotsQueryOptions(ahead));
  const closed = closedDatesQueryOptions(ahead);
  void queryClient.prefetchQuery(closed).then(() => {
    // A closed date's reason is often written in Kannada too, in an English page as well: its
    // font is started once the reasons are known, not when the page first draws them (after
    // its code and a render), which held the page's largest paint back by a download.
    const reasons = queryClient.getQueryData(closed.queryKey)?.items.map((c) => c.reason) ?? [];
    if (reasons.some((reason) => KANNADA_LETTER.test(reason)))
      void document.fonts?.load("400 1em 'Noto Sans Kannada'", 'ಕನ್ನಡ').catch(() => undefined);
  });
}

const KANNADA_LETTER = /[\u0C80-\u0CFF]/;
