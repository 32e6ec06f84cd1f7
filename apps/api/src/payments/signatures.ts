import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Razorpay's two signatures, HMAC-SHA256 in hex: Checkout's over `order_id|payment_id` with the
 * key secret, the webhook's over the raw body with the webhook secret. Compared in constant
 * time: the SDK's own helpers (razorpay/dist/utils/razorpay-utils) compare with `===`, which
 * tells an attacker by its timing how much of a guessed signature is right.
 */

export function checkoutSignatureValid(
  orderId: string,
  paymentId: string,
  signature: string,
  keySecret: string,
): boolean {
  return hmacMatches(`${orderId}|${paymentId}`, signature, keySecret);
}

export function webhookSignatureValid(rawBody: string, signature: string, secret: string): boolean {
  return hmacMatches(rawBody, signature, secret);
}

function hmacMatches(text: string, signature: string, secret: string): boolean {
  const expected = createHmac('sha256', secret).update(text).digest();
  const given = /^[0-9a-f]{64}$/i.test(signature) ? Buffer.from(signature, 'hex') : undefined;
  return given !== undefined && timingSafeEqual(expected, given);
}
