import { ApiError, NetworkError } from '../../lib/api-client.ts';

/**
 * Each way a payment can go wrong, as the devotee needs to hear it: what happened, whether money
 * moved, and what to do now. The sentences are `payment.problems.<kind>` in the locales.
 */
export type PaymentProblem =
  /** Checkout was closed before paying. */
  | 'dismissed'
  /** The bank or UPI app refused the payment. */
  | 'failed'
  /** Checkout's script or the API could not be reached. */
  | 'unreachable'
  /** The hold ran out before paying: the places went back on sale. */
  | 'hold_expired'
  /** The payment arrived after the hold ran out and no place was left: it is refunded. */
  | 'paid_too_late'
  /** The API could not confirm the payment with Razorpay (signature, amount). */
  | 'not_confirmed'
  /** Paid, but the confirmation did not come back: the webhook confirms it anyway. */
  | 'confirming_later'
  /** Online payment is switched off, or the booking cannot be paid online any more. */
  | 'unavailable';

/** Why asking for the booking's order failed. */
export function problemOfOrder(error: unknown): PaymentProblem {
  if (error instanceof NetworkError) return 'unreachable';
  const code: string = error instanceof ApiError ? error.code : '';
  if (code === 'hold_expired') return 'hold_expired';
  if (code === 'booking_not_payable' || code === 'nothing_to_pay' || code === 'service_unavailable')
    return 'unavailable';
  return 'unreachable';
}

/** Why verifying a payment Checkout reported as made failed. */
export function problemOfVerify(error: unknown): PaymentProblem {
  if (error instanceof NetworkError) return 'confirming_later';
  const code: string = error instanceof ApiError ? error.code : '';
  if (code === 'payment_failed') return 'failed';
  if (code === 'hold_expired') return 'paid_too_late';
  if (code === 'payment_signature_invalid' || code === 'payment_amount_mismatch')
    return 'not_confirmed';
  if (error instanceof ApiError && error.status >= 500) return 'confirming_later';
  return 'not_confirmed';
}

/** Problems after which paying again on this booking makes no sense. */
export const finalProblems: ReadonlySet<PaymentProblem> = new Set([
  'hold_expired',
  'paid_too_late',
  'unavailable',
]);
