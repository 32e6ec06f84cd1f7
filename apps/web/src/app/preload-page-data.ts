import type { QueryClient } from '@tanstack/react-query';
import { sevaQueryOptions } from '../features/sevas/api/get-seva.ts';
import { sevasQueryOptions } from '../features/sevas/api/get-sevas.ts';
import { closedDatesQueryOptions } from '../features/slots/api/get-closed-dates.ts';
import { slotsQueryOptions } from '../lib/slots/get-slots.ts';
import { slotsAhead } from '../lib/slots/slots-ahead.ts';

/**
 * Asks for the data the opened page shows first (the sevas on the home page; a seva and its
 * slots a seva, its slots and closed dates on a seva's page, side by side) during start-up, while the page's code loads, rather
 * than once it has rendered. The page's own queries then find the answers under the same keys.
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
  void queryClient.prefetchQuery(closedDatesQueryOptions(ahead));
}
