import type { AdminSlot, CreateSlot } from '@sevabook/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';
import { invalidateSevaViews } from './invalidate-sevas.ts';

/** An extra one-off slot, outside the weekly schedule. */
export const createSlot = (body: CreateSlot) =>
  apiRequest<AdminSlot>('/admin/slots', { method: 'POST', body });

export const useCreateSlot = () => {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createSlot, onSettled: () => invalidateSevaViews(queryClient) });
};
