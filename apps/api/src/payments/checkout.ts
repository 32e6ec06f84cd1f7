import type { Db } from '../db/client.ts';
import type { Booking } from '../generated/prisma/client.ts';
import { confirmPayment, type PaymentOutcome } from './confirm-payment.ts';
import { paymentProblems } from './payment-problems.ts';
import { isRefusal, type RazorpayGateway } from './razorpay-gateway.ts';
import type { Actor } from '../audit/audit-log.ts';
import { checkoutSignatureValid } from './signatures.ts';

/**
 * The devotee's side of an online payment: the Razorpay order a held booking is paid through,
 * and the check of what Checkout hands back (`verifyCheckout`) before the booking is confirmed.
 */

export interface CheckoutOrder {
  orderId: string;
  amountPaise: number;
  currency: 'INR';
  keyId: string;
  checkoutUrl: string;
}

/**
 * The booking's Razorpay order, made on first asking and kept on the booking
 * (booking.razorpay_order_id): asking again returns the same order. Two requests racing each
 * make an order; the first stored wins, and the other order is never shown to anyone.
 */
export async function orderForBooking(
  db: Db,
  gateway: RazorpayGateway,
  booking: Pick<Booking, 'id' | 'reference' | 'status' | 'feePaise' | 'razorpayOrderId'>,
): Promise<CheckoutOrder> {
  if (booking.status !== 'pending_payment' && booking.status !== 'expired') {
    throw paymentProblems.notPayable(booking.status);
  }
  if (booking.feePaise <= 0) throw paymentProblems.notPayable(booking.status);
  let orderId = booking.razorpayOrderId;
  if (!orderId) {
    if (booking.status !== 'pending_payment') throw paymentProblems.holdExpired();
    let made: { id: string };
    try {
      made = await gateway.createOrder(booking.feePaise, booking.reference);
    } catch {
      throw paymentProblems.providerUnavailable();
    }
    await db.booking.updateMany({
      where: { id: booking.id, razorpayOrderId: null },
      data: { razorpayOrderId: made.id },
    });
    const stored = await db.booking.findUniqueOrThrow({
      where: { id: booking.id },
      select: { razorpayOrderId: true },
    });
    orderId = stored.razorpayOrderId ?? made.id;
  }
  return checkoutOrderOf(gateway, orderId, booking.feePaise);
}

export function checkoutOrderOf(
  gateway: RazorpayGateway,
  orderId: string,
  amountPaise: number,
): CheckoutOrder {
  return {
    orderId,
    amountPaise,
    currency: 'INR',
    keyId: gateway.keyId,
    checkoutUrl: gateway.settings.checkoutUrl,
  };
}

export interface CheckoutResult {
  razorpay_order_id: string;
  razorpay_payment_id: string;
  razorpay_signature: string;
}

/**
 * What Checkout posts back after a payment: the signature (HMAC-SHA256 of
 * `order_id|payment_id` with the key secret, compared in constant time) is
 * checked first (signatures.ts), and a forged one changes nothing. Then Razorpay is asked about the payment
 * itself: it must belong to this booking's order, be of the booking's fee, and be captured
 * (an authorised one is captured here). Only then is it recorded (confirm-payment.ts).
 */
export async function verifyCheckout(
  db: Db,
  gateway: RazorpayGateway,
  booking: Pick<Booking, 'id' | 'feePaise' | 'razorpayOrderId'>,
  result: CheckoutResult,
  context: { timeZone: string; actor: Actor },
): Promise<PaymentOutcome> {
  const signed = checkoutSignatureValid(
    result.razorpay_order_id,
    result.razorpay_payment_id,
    result.razorpay_signature,
    gateway.settings.keySecret,
  );
  if (!signed || result.razorpay_order_id !== booking.razorpayOrderId) {
    throw paymentProblems.signatureInvalid();
  }
  let payment;
  try {
    payment = await gateway.fetchPayment(result.razorpay_payment_id);
    if (payment.status === 'authorized' && payment.amountPaise === booking.feePaise) {
      payment = await gateway.capture(payment.id, payment.amountPaise);
    }
  } catch (error) {
    if (isRefusal(error)) throw paymentProblems.notFound();
    throw paymentProblems.providerUnavailable();
  }
  if (payment.orderId !== booking.razorpayOrderId) throw paymentProblems.signatureInvalid();
  if (payment.status === 'failed') throw paymentProblems.failed();
  if (payment.status !== 'captured' && payment.status !== 'refunded') {
    throw paymentProblems.notCaptured();
  }
  if (payment.amountPaise !== booking.feePaise) {
    // Recorded and refunded (confirm-payment.ts): the devotee's money must not be lost.
    await confirmPayment(db, booking.id, captured(payment, result.razorpay_order_id), context);
    throw paymentProblems.amountMismatch();
  }
  return confirmPayment(db, booking.id, captured(payment, result.razorpay_order_id), context);
}

function captured(payment: { id: string; amountPaise: number }, orderId: string) {
  return {
    razorpayPaymentId: payment.id,
    razorpayOrderId: orderId,
    amountPaise: payment.amountPaise,
  };
}
