import type { AdminBooking } from '@sevabook/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';
import { invalidateBookingViews } from './invalidate-bookings.ts';

export const cancelBooking = (
  id: number,
  reason?: string,
  refund?: boolean,
): Promise<AdminBooking> =>
  apiRequest<AdminBooking>(`/admin/bookings/${id}/cancel`, {
    method: 'POST',
    body: {
      ...(reason ? { reason } : {}),
      // Only when staff override the seva's refund policy; otherwise the policy decides.
      ...(refund === undefined ? {} : { refund }),
    },
  });

export const useCancelBooking = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason, refund }: { id: number; reason?: string; refund?: boolean }) =>
      cancelBooking(id, reason, refund),
    onSettled: () => invalidateBookingViews(queryClient),
  });
};
