import type { AdminBooking, UpdateBooking } from '@sevabook/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';
import { invalidateBookingViews } from './invalidate-bookings.ts';

/** Edit details, or move to another slot (`slotId`); capacity is checked by the API. */
export const updateBooking = (id: number, body: Partial<UpdateBooking>): Promise<AdminBooking> =>
  apiRequest<AdminBooking>(`/admin/bookings/${id}`, { method: 'PATCH', body });

export const useUpdateBooking = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: Partial<UpdateBooking> }) =>
      updateBooking(id, body),
    onSettled: () => invalidateBookingViews(queryClient),
  });
};
