import type { BookingPayment } from './payment-types.ts';

/**
 * What the seva's policy gives back if a booking is cancelled now: its whole payment when
 * cancelled at least `refundFullHoursBefore` hours before the start, nothing after. A counter
 * payment is handed back in cash by the clerk; an online one goes back through Razorpay.
 */
export type RefundPreview =
  | { kind: 'not_paid' }
  | { kind: 'full'; amountPaise: number; inCash: boolean; hoursBefore: number }
  | { kind: 'too_late'; amountPaise: number; inCash: boolean; hoursBefore: number };

export function refundPreview(input: {
  payment: BookingPayment | null | undefined;
  startsAt: string;
  refundFullHoursBefore: number;
  now: number;
}): RefundPreview {
  const { payment, startsAt, refundFullHoursBefore: hoursBefore, now } = input;
  if (!payment || payment.amountPaise === 0) return { kind: 'not_paid' };
  const inCash = payment.method !== 'online';
  const deadline = Date.parse(startsAt) - hoursBefore * 3_600_000;
  return now <= deadline
    ? { kind: 'full', amountPaise: payment.amountPaise, inCash, hoursBefore }
    : { kind: 'too_late', amountPaise: payment.amountPaise, inCash, hoursBefore };
}
