import type { Config } from '../config.ts';
import { checkoutOrderOf } from './checkout.ts';
import type { PaymentViewSettings } from './payment-view.ts';
import type { RazorpayGateway } from './razorpay-gateway.ts';

/**
 * Whether and how this temple takes payments online, from the configuration: without
 * RAZORPAY_KEY_ID every seva is paid at the counter, whatever its payment mode.
 */

/** For createBooking: how long an online booking holds its places; undefined when off. */
export function onlinePaymentOf(config: Pick<Config, 'razorpay' | 'payments'>) {
  return config.razorpay ? { holdSeconds: config.payments.holdSeconds } : undefined;
}

/** What toBookingDto needs to show receipts and the order a held booking is paid with. */
export function paymentViewOf(
  config: Pick<Config, 'payments'>,
  gateway: RazorpayGateway | undefined,
): PaymentViewSettings {
  return {
    receiptPrefix: config.payments.receiptPrefix,
    checkout: gateway
      ? (orderId, amountPaise) => checkoutOrderOf(gateway, orderId, amountPaise)
      : undefined,
  };
}

/** Said once, when the process that serves or works starts. */
export function announcePaymentMode(
  config: Pick<Config, 'razorpay'>,
  log: { info: (message: string) => void },
): void {
  if (config.razorpay) {
    const where = config.razorpay.apiBase ? ` through ${config.razorpay.apiBase}` : '';
    log.info(`Online payment is on: Razorpay${where}`);
  } else {
    log.info(
      'Online payment is off (RAZORPAY_KEY_ID is not set): every seva is paid at the temple counter',
    );
  }
}
