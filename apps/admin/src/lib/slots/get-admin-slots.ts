import type { AdminSlot } from '@sevabook/shared';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../api-client.ts';
import type { SlotRange } from './get-slots.ts';

export interface AdminSlotList {
  items: AdminSlot[];
}

/** Slots of any status (closed and cancelled too), as staff see them. */
export const getAdminSlots = (
  { from, to, sevaId }: SlotRange,
  signal?: AbortSignal,
): Promise<AdminSlotList> => {
  const query = new URLSearchParams({ from, to });
  if (sevaId !== undefined) query.set('sevaId', String(sevaId));
  return apiRequest<AdminSlotList>(`/admin/slots?${query.toString()}`, { signal });
};

export const adminSlotsQueryOptions = (range: SlotRange) =>
  queryOptions({
    queryKey: ['slots', 'admin', range.sevaId ?? 'all', range.from, range.to],
    queryFn: ({ signal }) => getAdminSlots(range, signal),
    placeholderData: keepPreviousData,
  });

export const useAdminSlots = (range: SlotRange, enabled = true) =>
  useQuery({ ...adminSlotsQueryOptions(range), enabled });
