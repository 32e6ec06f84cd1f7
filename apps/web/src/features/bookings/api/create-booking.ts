import type { CreateBooking, CreatedBooking } from '@sevabook/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';
import { bookingQueryOptions } from './get-booking.ts';

export interface CreateBookingVariables {
  booking: CreateBooking;
  /** The same key for every retry of one attempt, so the API books at most once. */
  idempotencyKey: string;
}

export const createBooking = ({ booking, idempotencyKey }: CreateBookingVariables) =>
  apiRequest<CreatedBooking>('/bookings', {
    method: 'POST',
    body: booking,
    headers: { 'Idempotency-Key': idempotencyKey },
  });

export function useCreateBooking() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createBooking,
    onSuccess: (created) => {
      const { manageToken, manageUrl: _manageUrl, ...booking } = created;
      queryClient.setQueryData(
        bookingQueryOptions(created.reference, manageToken).queryKey,
        booking,
      );
      // Places changed: let every slot list and the seva list fetch fresh numbers.
      void queryClient.invalidateQueries({ queryKey: ['slots'] });
      void queryClient.invalidateQueries({ queryKey: ['slot'] });
      void queryClient.invalidateQueries({ queryKey: ['sevas'] });
    },
  });
}
