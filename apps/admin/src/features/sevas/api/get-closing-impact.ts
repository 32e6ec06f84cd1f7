import type { ClosingImpact } from '@sevabook/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';

/** What closing a date would cancel, asked before it is done; changes nothing. */
export const getDateClosingImpact = (
  { date, sevaId }: { date: string; sevaId: number | null },
  signal?: AbortSignal,
) => {
  const query = new URLSearchParams({ date });
  if (sevaId !== null) query.set('sevaId', String(sevaId));
  return apiRequest<ClosingImpact>(`/admin/closed-dates/impact?${query.toString()}`, { signal });
};

/** What closing or cancelling one slot would cancel. */
export const getSlotClosingImpact = (slotId: number, signal?: AbortSignal) =>
  apiRequest<ClosingImpact>(`/admin/slots/${slotId}/impact`, { signal });

export const useDateClosingImpact = (input: { date: string; sevaId: number | null }) =>
  useQuery(
    queryOptions({
      queryKey: ['closing-impact', 'date', input.date, input.sevaId],
      queryFn: ({ signal }) => getDateClosingImpact(input, signal),
      // Bookings arrive all the time: count them afresh each time the question is asked.
      staleTime: 0,
      gcTime: 0,
    }),
  );

export const useSlotClosingImpact = (slotId: number, enabled: boolean) =>
  useQuery(
    queryOptions({
      queryKey: ['closing-impact', 'slot', slotId],
      queryFn: ({ signal }) => getSlotClosingImpact(slotId, signal),
      enabled,
      staleTime: 0,
      gcTime: 0,
    }),
  );
