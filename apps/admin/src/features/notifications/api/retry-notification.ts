import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';
import type { AdminNotification } from './get-notifications.ts';

export const retryNotification = (id: number) =>
  apiRequest<AdminNotification>(`/admin/notifications/${id}/retry`, { method: 'POST' });

export const useRetryNotification = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: retryNotification,
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['notifications'] }),
        queryClient.invalidateQueries({ queryKey: ['day-sheet'] }),
      ]),
  });
};
