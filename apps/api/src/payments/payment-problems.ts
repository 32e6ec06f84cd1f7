import { AppError } from '../errors.ts';

/**
 * The refusals of an online payment, each with a sentence a devotee can act on. The devotee
 * site shows its own words in their language by `code`; `detail` is the English of it.
 */
export const paymentProblems = {
  signatureInvalid: () =>
    new AppError(
      400,
      'payment_signature_invalid',
      'Payment not recognised',
      'This payment could not be matched to your booking, so nothing was changed. If money was taken, it will be matched or refunded automatically.',
    ),
  webhookSignatureInvalid: () =>
    new AppError(
      400,
      'webhook_signature_invalid',
      'Signature invalid',
      'The X-Razorpay-Signature header does not match the body with the webhook secret.',
    ),
  failed: () =>
    new AppError(
      422,
      'payment_failed',
      'Payment failed',
      'The payment did not go through and no money was taken. You can try again, with UPI or a card, while your place is held.',
    ),
  notCaptured: () =>
    new AppError(
      422,
      'payment_failed',
      'Payment not complete',
      'The payment has not been completed yet. If money was taken, your booking will be confirmed as soon as it arrives; otherwise please try again.',
    ),
  amountMismatch: () =>
    new AppError(
      422,
      'payment_amount_mismatch',
      'Wrong amount',
      'The amount paid is not the fee of this booking, so it was not accepted. The full amount will be refunded to you.',
    ),
  notFound: () =>
    new AppError(
      422,
      'payment_not_found',
      'Payment not found',
      'The payment was not found. If money was taken, it will be matched to your booking or refunded automatically.',
    ),
  holdExpired: (refunding = false) =>
    new AppError(
      409,
      'hold_expired',
      'Place no longer held',
      refunding
        ? 'The time to pay ran out and the place you held has been taken by someone else. The full amount will be refunded to you in a few days.'
        : 'The time to pay ran out and the place you held has been released. Please book again.',
    ),
  notPayable: (status: string) =>
    new AppError(
      409,
      'booking_not_payable',
      'Nothing to pay online',
      status === 'confirmed'
        ? 'This booking is already confirmed.'
        : 'This booking does not take an online payment.',
    ),
  alreadyPaid: () =>
    new AppError(
      409,
      'already_paid',
      'Already paid',
      'This booking was already paid. The second payment will be refunded to you in full.',
    ),
  providerUnavailable: () =>
    new AppError(
      503,
      'payment_provider_unavailable',
      'Payments unavailable',
      'Online payment is not answering just now. Your place is still held: please try again in a minute.',
    ),
  off: () =>
    new AppError(
      409,
      'online_payment_unavailable',
      'Online payment off',
      'This temple does not take payments online; the fee is paid at the temple counter.',
    ),
};
