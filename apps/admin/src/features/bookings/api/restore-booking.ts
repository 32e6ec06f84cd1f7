import type { RestoredBooking } from '@sevabook/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';
import { invalidateBookingViews } from './invalidate-bookings.ts';

/**
 * Undoes a cancellation: the same booking (reference, manage link) is confirmed again if its
 * places are still free; the API refuses with slot_full or duplicate_booking otherwise.
 */
export const restoreBooking = (id: number): Promise<RestoredBooking> =>
  apiRequest<RestoredBooking>(`/admin/bookings/${id}/restore`, { method: 'POST' });

export const useRestoreBooking = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => restoreBooking(id),
    onSettled: () => invalidateBookingViews(queryClient),
  });
};
