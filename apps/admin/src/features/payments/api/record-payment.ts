import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';
import type { CounterPaymentMethod, RecordedPayment } from '../payment-types.ts';

export interface RecordPaymentInput {
  bookingId: number;
  method: CounterPaymentMethod;
  /** Left out for the usual case: the booking's whole fee. */
  amountPaise?: number;
}

/** Money taken at the counter for a booking; the answer carries the receipt number. */
export const recordPayment = ({ bookingId, method, amountPaise }: RecordPaymentInput) =>
  apiRequest<RecordedPayment>(`/admin/bookings/${bookingId}/payments`, {
    method: 'POST',
    body: amountPaise === undefined ? { method } : { method, amountPaise },
  });

/**
 * NOTE: what to do after paying goes in here, not in `mutate(…, { onSuccess })`: the refetch of
 * the day can re-render the row that asked, and callbacks given to `mutate` are skipped once it
 * has unmounted.
 */
export const useRecordPayment = (tell?: {
  onSuccess?: (payment: RecordedPayment, input: RecordPaymentInput) => void;
  onError?: (error: Error) => void;
}) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: recordPayment,
    onSuccess: tell?.onSuccess,
    onError: tell?.onError,
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['day-sheet'] }),
        queryClient.invalidateQueries({ queryKey: ['bookings'] }),
        queryClient.invalidateQueries({ queryKey: ['collections'] }),
      ]),
  });
};
