import type { AdminBooking, AdminCreateBookingInput } from '@sevabook/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';
import { invalidateBookingViews } from './invalidate-bookings.ts';

/**
 * A counter or phone booking. The idempotency key makes a double press or a retry after a lost
 * answer book once.
 */
export const createBooking = (
  body: AdminCreateBookingInput,
  idempotencyKey: string,
): Promise<AdminBooking> =>
  apiRequest<AdminBooking>('/admin/bookings', {
    method: 'POST',
    body,
    headers: { 'Idempotency-Key': idempotencyKey },
  });

export const useCreateBooking = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      body,
      idempotencyKey,
    }: {
      body: AdminCreateBookingInput;
      idempotencyKey: string;
    }) => createBooking(body, idempotencyKey),
    onSettled: () => invalidateBookingViews(queryClient),
  });
};
