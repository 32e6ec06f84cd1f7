import type { ClosedDate } from '@sevabook/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';

export const getClosedDates = (from: string, signal?: AbortSignal) =>
  apiRequest<{ items: ClosedDate[] }>(`/admin/closed-dates?from=${from}`, { signal });

export const closedDatesQueryOptions = (from: string) =>
  queryOptions({
    queryKey: ['closed-dates', from],
    queryFn: ({ signal }) => getClosedDates(from, signal),
  });

export const useClosedDates = (from: string) => useQuery(closedDatesQueryOptions(from));
