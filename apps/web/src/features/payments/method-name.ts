import type { TFunction } from 'i18next';

/** How a payment was made, in the devotee's words; an unknown method reads as online. */
export function methodName(t: TFunction, method: string): string {
  switch (method) {
    case 'cash':
    case 'upi':
    case 'card':
      return t(`payment.receipt.methods.${method}`);
    default:
      return t('payment.receipt.methods.online');
  }
}
