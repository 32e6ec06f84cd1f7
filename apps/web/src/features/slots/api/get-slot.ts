import type { Slot } from '@sevabook/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';

export const getSlot = (id: number, { signal }: { signal?: AbortSignal } = {}): Promise<Slot> =>
  apiRequest<Slot>(`/slots/${id}`, { signal });

export const slotQueryOptions = (id: number) =>
  queryOptions({ queryKey: ['slot', id], queryFn: ({ signal }) => getSlot(id, { signal }) });

export const useSlot = (id: number) => useQuery(slotQueryOptions(id));
