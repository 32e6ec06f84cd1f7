import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';
import { invalidateSevaViews } from './invalidate-sevas.ts';

/** Reopens a closed date; slots it cancelled stay cancelled. */
export const deleteClosedDate = (id: number) =>
  apiRequest<void>(`/admin/closed-dates/${id}`, { method: 'DELETE' });

export const useDeleteClosedDate = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteClosedDate,
    onSettled: () => invalidateSevaViews(queryClient),
  });
};
