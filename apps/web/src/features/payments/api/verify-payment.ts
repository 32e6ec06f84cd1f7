import type { Booking } from '@sevabook/shared';
import { useMutation } from '@tanstack/react-query';
import { NetworkError, apiRequest } from '../../../lib/api-client.ts';
import type { CheckoutSuccess } from '../checkout/razorpay-checkout.ts';

export interface VerifyPaymentVariables {
  reference: string;
  token: string;
  payment: CheckoutSuccess;
}

/**
 * Hands Checkout's signed answer to the API, which checks the signature and the payment with
 * Razorpay and answers the confirmed booking with its receipt.
 */
export const verifyPayment = ({ reference, token, payment }: VerifyPaymentVariables) =>
  apiRequest<Booking>(`/bookings/${encodeURIComponent(reference)}/payments/razorpay/verify`, {
    method: 'POST',
    body: {
      razorpay_order_id: payment.razorpay_order_id,
      razorpay_payment_id: payment.razorpay_payment_id,
      razorpay_signature: payment.razorpay_signature,
    },
    headers: { 'X-Booking-Token': token },
  });

export const useVerifyPayment = () =>
  useMutation({
    mutationFn: verifyPayment,
    // A lost answer is retried: verifying the same payment twice confirms the booking once.
    retry: (count, error) => count < 2 && error instanceof NetworkError,
  });
