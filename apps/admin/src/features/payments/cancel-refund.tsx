import type { ReactNode } from 'react';
import { RefundNote } from './components/refund-note.tsx';
import type { PayableBooking } from './payment-types.ts';
import { refundPreview } from './refund-preview.ts';

/**
 * What the cancel control needs to say about money, for a booking with a payment: whether the
 * seva's policy refunds it now, and the note with its override box. Nothing for an unpaid one.
 */
export function cancelRefund(
  booking: PayableBooking,
  startsAt: string,
  refundFullHoursBefore: number | undefined,
  now = Date.now(),
):
  | {
      byPolicy: boolean;
      note: (override: boolean, onOverride: (override: boolean) => void) => ReactNode;
    }
  | undefined {
  const payment = booking.payment;
  if (!payment || payment.status !== 'captured' || refundFullHoursBefore === undefined)
    return undefined;
  const preview = refundPreview({ payment, startsAt, refundFullHoursBefore, now });
  return {
    byPolicy: preview.kind === 'full',
    note: (override, onOverride) => (
      <RefundNote preview={preview} override={override} onOverride={onOverride} />
    ),
  };
}
