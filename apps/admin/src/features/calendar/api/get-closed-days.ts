import type { ClosedDate } from '@sevabook/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';

/** Closed dates in the calendar's range, so the month shows a closed day as closed. */
export const getClosedDays = (range: { from: string; to: string }, signal?: AbortSignal) =>
  apiRequest<{ items: ClosedDate[] }>(
    `/admin/closed-dates?${new URLSearchParams(range).toString()}`,
    { signal },
  );

export const useClosedDays = (range: { from: string; to: string }, enabled: boolean) =>
  useQuery(
    queryOptions({
      // Under 'closed-dates', so closing or reopening a date refreshes the calendar too.
      queryKey: ['closed-dates', 'calendar', range.from, range.to],
      queryFn: ({ signal }) => getClosedDays(range, signal),
      enabled,
    }),
  );
