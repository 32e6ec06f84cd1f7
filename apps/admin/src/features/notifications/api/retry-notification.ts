import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';
import type { AdminNotification } from './get-notifications.ts';

export const retryNotification = (id: number) =>
  apiRequest<AdminNotification>(`/admin/notifications/${id}/retry`, { method: 'POST' });

/**
 * NOTE: what to tell staff goes in here, not in `mutate(id, { onSuccess })`: the refetch below can
 * empty the list being shown (a retried message leaves "Needs attention"), and callbacks given to
 * `mutate` are skipped once the button that called it has unmounted.
 */
export const useRetryNotification = (tell: {
  onSuccess: () => void;
  onError: (error: Error) => void;
}) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: retryNotification,
    onSuccess: tell.onSuccess,
    onError: tell.onError,
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['notifications'] }),
        queryClient.invalidateQueries({ queryKey: ['day-sheet'] }),
      ]),
  });
};
