import type { BookingRefund, PayableBooking } from './payment-types.ts';

/**
 * One booking's money in the words staff need at the counter: free, paid, unpaid (what to take),
 * awaiting an online payment (until its hold ends), or being refunded.
 */
export type PaymentState =
  | { kind: 'free' }
  | { kind: 'paid' }
  | { kind: 'unpaid'; amountPaise: number }
  | { kind: 'awaiting'; holdExpiresAt: string | null }
  | { kind: 'expired' }
  | { kind: 'refund'; refund: BookingRefund }
  | { kind: 'none' };

export function paymentState(b: PayableBooking): PaymentState {
  if (b.refund) return { kind: 'refund', refund: b.refund };
  if (b.status === 'pending_payment')
    return { kind: 'awaiting', holdExpiresAt: b.holdExpiresAt ?? null };
  if (b.status === 'expired') return { kind: 'expired' };
  if (b.payment) return { kind: 'paid' };
  if (b.feePaise === 0) return { kind: 'free' };
  // A cancelled booking that was never paid owes nothing; an offer is not yet a booking.
  if (b.status !== 'confirmed') return { kind: 'none' };
  return { kind: 'unpaid', amountPaise: b.feePaise };
}
