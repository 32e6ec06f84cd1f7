import type { UpdateSlot, slotChangeSchema } from '@sevabook/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiRequest } from '../../../lib/api-client.ts';
import { invalidateSevaViews } from './invalidate-sevas.ts';

export type SlotChange = z.infer<typeof slotChangeSchema>;

/** Capacity, note or status of one slot; closing or cancelling it cancels its bookings. */
export const updateSlot = (id: number, body: UpdateSlot) =>
  apiRequest<SlotChange>(`/admin/slots/${id}`, { method: 'PATCH', body });

export const useUpdateSlot = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: UpdateSlot }) => updateSlot(id, body),
    onSettled: () => invalidateSevaViews(queryClient),
  });
};
