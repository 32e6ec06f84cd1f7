import type { AdminSeva, CreateSeva } from '@sevabook/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';
import { invalidateSevaViews } from './invalidate-sevas.ts';

export const createSeva = (body: CreateSeva) =>
  apiRequest<AdminSeva>('/admin/sevas', { method: 'POST', body });

export const useCreateSeva = () => {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createSeva, onSettled: () => invalidateSevaViews(queryClient) });
};
