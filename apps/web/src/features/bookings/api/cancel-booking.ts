import type { Booking } from '@sevabook/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';
import { bookingQueryOptions } from './get-booking.ts';

export interface CancelBookingVariables {
  reference: string;
  token: string;
}

export const cancelBooking = ({ reference, token }: CancelBookingVariables) =>
  apiRequest<Booking>(`/bookings/${encodeURIComponent(reference)}/cancel`, {
    method: 'POST',
    body: {},
    headers: { 'X-Booking-Token': token },
  });

export function useCancelBooking() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: cancelBooking,
    onSuccess: (booking, { reference, token }) => {
      const key = bookingQueryOptions(reference, token).queryKey;
      if (booking?.reference === reference) queryClient.setQueryData(key, booking);
      else void queryClient.invalidateQueries({ queryKey: key });
      void queryClient.invalidateQueries({ queryKey: ['slots'] });
      void queryClient.invalidateQueries({ queryKey: ['slot'] });
    },
    onError: () => {
      // e.g. cancellation_closed or already_cancelled: show the booking as it now stands.
      void queryClient.invalidateQueries({ queryKey: ['booking'] });
    },
  });
}
