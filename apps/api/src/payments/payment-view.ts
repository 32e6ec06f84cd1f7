import type { BookingReceipt, BookingRefundView, RazorpayCheckout } from '@sevabook/shared';
import type { Payment, Receipt, Refund } from '../generated/prisma/client.ts';
import { formatReceiptNumber } from './receipts.ts';

/**
 * What a devotee sees of a booking's money: the receipt of the payment it stands on, the refund
 * of money going back, and while it waits for its payment, the order to pay with Checkout.
 */

export type PaymentWithDetails = Payment & { receipt: Receipt | null; refund: Refund | null };

/** The receipts' prefix, and how to open Checkout; none when online payment is off. */
export interface PaymentViewSettings {
  receiptPrefix: string;
  checkout?: ((orderId: string, amountPaise: number) => RazorpayCheckout) | undefined;
}

/** RECEIPT_PREFIX's default: callers that pass no settings show receipts with it. */
export const DEFAULT_RECEIPT_PREFIX = 'SB';

export function receiptOf(
  payments: readonly PaymentWithDetails[],
  receiptPrefix: string,
): BookingReceipt | null {
  // The kept payment; else the latest one, refunded or being refunded, whose receipt still counts.
  const payment =
    payments.find((p) => p.status === 'captured') ??
    [...payments].sort((a, b) => b.id - a.id).find((p) => p.receipt);
  if (!payment?.receipt) return null;
  const { financialYear, number } = payment.receipt;
  return {
    number: formatReceiptNumber(receiptPrefix, financialYear, number),
    amountPaise: payment.amountPaise,
    method: payment.method,
    paidAt: payment.paidAt.toISOString(),
  };
}

export function refundOf(payments: readonly PaymentWithDetails[]): BookingRefundView | null {
  const refund = [...payments]
    .sort((a, b) => b.id - a.id)
    .map((p) => p.refund)
    .find((r) => r !== null);
  if (!refund) return null;
  return { amountPaise: refund.amountPaise, method: refund.method, status: refund.status };
}
