import type { RazorpayCheckout } from '@sevabook/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';

/** What Razorpay's Checkout needs to take the payment of one booking. */
export type PaymentOrder = RazorpayCheckout;

/**
 * The booking's Razorpay order. The API answers the order the booking already has while it can
 * still be paid, so asking again (a reload, a second try after a failure) pays the same order.
 */
export const createPaymentOrder = (reference: string, token: string) =>
  apiRequest<PaymentOrder>(`/bookings/${encodeURIComponent(reference)}/payments/razorpay/order`, {
    method: 'POST',
    body: {},
    headers: { 'X-Booking-Token': token },
  });

export const paymentOrderQueryOptions = (reference: string, token: string) =>
  queryOptions({
    queryKey: ['payment-order', reference, token],
    queryFn: () => createPaymentOrder(reference, token),
    // Asked for once per visit of the payment step; a failed try asks again (refetch).
    staleTime: Infinity,
    retry: 1,
  });

/** The booking's answer may carry its order already: then nothing is asked for. */
export const usePaymentOrder = (
  reference: string,
  token: string,
  enabled: boolean,
  known: PaymentOrder | null,
) =>
  useQuery({
    ...paymentOrderQueryOptions(reference, token),
    enabled,
    ...(known ? { initialData: known } : {}),
  });

/** The payment step of a booking: its own page, so that only it lets Razorpay's script in. */
export const paymentStepPath = (reference: string, token: string): string =>
  `/pay/${encodeURIComponent(reference)}?token=${encodeURIComponent(token)}`;
