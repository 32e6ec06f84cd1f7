import type { AdminSeva, UpdateSeva } from '@sevabook/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';
import { invalidateSevaViews } from './invalidate-sevas.ts';

export const updateSeva = (id: number, body: UpdateSeva) =>
  apiRequest<AdminSeva>(`/admin/sevas/${id}`, { method: 'PATCH', body });

export const useUpdateSeva = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: UpdateSeva }) => updateSeva(id, body),
    onSettled: () => invalidateSevaViews(queryClient),
  });
};
