import type { PublicClosedDateList } from '@sevabook/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';

export interface ClosedDateRange {
  sevaId: number;
  from: string;
  to: string;
}

/** The seva's and the whole temple's closed dates in a range, with the temple's reason. */
export const getClosedDates = ({ sevaId, from, to }: ClosedDateRange, signal?: AbortSignal) =>
  apiRequest<PublicClosedDateList>(
    `/closed-dates?${new URLSearchParams({ from, to, sevaId: String(sevaId) }).toString()}`,
    { signal },
  );

export const closedDatesQueryOptions = (range: ClosedDateRange) =>
  queryOptions({
    queryKey: ['closed-dates', range.sevaId, range.from, range.to],
    queryFn: ({ signal }) => getClosedDates(range, signal),
    staleTime: 5 * 60_000,
  });

export const useClosedDates = (range: ClosedDateRange, enabled = true) =>
  useQuery({ ...closedDatesQueryOptions(range), enabled });
