import type { AdminBooking } from '@sevabook/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';
import { invalidateBookingViews } from './invalidate-bookings.ts';

export const cancelBooking = (id: number, reason?: string): Promise<AdminBooking> =>
  apiRequest<AdminBooking>(`/admin/bookings/${id}/cancel`, {
    method: 'POST',
    body: reason ? { reason } : {},
  });

export const useCancelBooking = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason }: { id: number; reason?: string }) => cancelBooking(id, reason),
    onSettled: () => invalidateBookingViews(queryClient),
  });
};
