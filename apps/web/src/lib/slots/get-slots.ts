import type { SlotList } from '@sevabook/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../api-client.ts';

export interface SlotRange {
  sevaId: number;
  from: string;
  to: string;
}

export const getSlots = (
  { sevaId, from, to }: SlotRange,
  { signal }: { signal?: AbortSignal } = {},
): Promise<SlotList> => {
  const query = new URLSearchParams({ from, to, sevaId: String(sevaId) });
  return apiRequest<SlotList>(`/slots?${query.toString()}`, { signal });
};

/** All slot lists share the ['slots', sevaId, …] prefix, so live updates can patch them all. */
export const slotsQueryOptions = (range: SlotRange) =>
  queryOptions({
    queryKey: ['slots', range.sevaId, range.from, range.to],
    queryFn: ({ signal }) => getSlots(range, { signal }),
    // The live stream keeps these fresh; a refetch on focus catches anything it missed.
    staleTime: 15_000,
  });

export const useSlots = (range: SlotRange, enabled = true) =>
  useQuery({ ...slotsQueryOptions(range), enabled });
