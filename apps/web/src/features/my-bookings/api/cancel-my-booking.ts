import type { Booking } from '@sevabook/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';
import { sessionHeaders } from './get-my-bookings.ts';

export interface CancelMyBookingVariables {
  reference: string;
  token: string;
}

/** The manage link's cancel, opened by the session instead of the link's token. */
export const cancelMyBooking = ({ reference, token }: CancelMyBookingVariables) =>
  apiRequest<Booking>(`/bookings/${encodeURIComponent(reference)}/cancel`, {
    method: 'POST',
    body: {},
    headers: sessionHeaders(token),
  });

export function useCancelMyBooking() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: cancelMyBooking,
    onSettled: () => {
      // Whatever happened (cancelled, or too late after all), show the bookings as they stand.
      void queryClient.invalidateQueries({ queryKey: ['my-bookings'] });
      void queryClient.invalidateQueries({ queryKey: ['slots'] });
      void queryClient.invalidateQueries({ queryKey: ['slot'] });
    },
  });
}
