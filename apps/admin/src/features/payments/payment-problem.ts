import type { TFunction } from 'i18next';
import { ApiError } from '../../lib/api-client.ts';
import { problemSentence } from '../../lib/problem-sentence.ts';

const paymentWords = {
  already_paid: 'payments.alreadyPaid',
  nothing_to_pay: 'payments.nothingToPay',
  booking_not_payable: 'payments.notPayable',
  refund_not_due: 'payments.refundNotDue',
  refund_not_failed: 'payments.refundNotFailed',
} as const;

/** The refusals of payments and refunds in words; any other problem as every staff screen. */
export function paymentProblem(error: unknown, t: TFunction): string {
  if (error instanceof ApiError) {
    const code = String(error.code);
    if (code in paymentWords) return t(paymentWords[code as keyof typeof paymentWords]);
  }
  return problemSentence(error, t);
}
