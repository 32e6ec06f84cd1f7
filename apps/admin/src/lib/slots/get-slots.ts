import type { SlotList } from '@sevabook/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../api-client.ts';

export interface SlotRange {
  from: string;
  to: string;
  sevaId?: number;
}

export const getSlots = (
  { from, to, sevaId }: SlotRange,
  signal?: AbortSignal,
): Promise<SlotList> => {
  const query = new URLSearchParams({ from, to });
  if (sevaId !== undefined) query.set('sevaId', String(sevaId));
  return apiRequest<SlotList>(`/slots?${query.toString()}`, { signal, anonymous: true });
};

/** All slot lists share the ['slots'] prefix, so live updates can patch them all. */
export const slotsQueryOptions = (range: SlotRange) =>
  queryOptions({
    queryKey: ['slots', range.sevaId ?? 'all', range.from, range.to],
    queryFn: ({ signal }) => getSlots(range, signal),
  });

export const useSlots = (range: SlotRange, enabled = true) =>
  useQuery({ ...slotsQueryOptions(range), enabled });
