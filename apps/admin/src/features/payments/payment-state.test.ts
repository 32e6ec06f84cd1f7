import { describe, expect, it } from 'vitest';
import { paymentState } from './payment-state.ts';
import type { BookingPayment, BookingRefund } from './payment-types.ts';

const payment: BookingPayment = {
  receiptNumber: 'SB/2026-27/000123',
  method: 'cash',
  amountPaise: 30000,
  paidAt: '2026-12-06T01:00:00.000Z',
  recordedBy: { id: 2, name: 'Ravi' },
  status: 'captured',
};
const refund: BookingRefund = {
  id: 5,
  amountPaise: 30000,
  method: 'cash',
  status: 'due_at_counter',
  reason: 'cancelled',
  createdAt: '2026-12-06T02:00:00.000Z',
  processedAt: null,
  recordedBy: null,
};
const booking = { id: 1, reference: 'SB-7K3Q9P', status: 'confirmed', feePaise: 30000 };

describe('paymentState', () => {
  it('asks for the fee of a confirmed booking that has not paid', () => {
    expect(paymentState(booking)).toEqual({ kind: 'unpaid', amountPaise: 30000 });
  });

  it('is paid once a payment is kept, and free when there is no fee', () => {
    expect(paymentState({ ...booking, payment })).toEqual({ kind: 'paid' });
    expect(paymentState({ ...booking, feePaise: 0 })).toEqual({ kind: 'free' });
  });

  it('waits for an online payment until the hold ends, and says when the hold ran out', () => {
    expect(
      paymentState({
        ...booking,
        status: 'pending_payment',
        holdExpiresAt: '2026-12-06T05:10:00.000Z',
      }),
    ).toEqual({ kind: 'awaiting', holdExpiresAt: '2026-12-06T05:10:00.000Z' });
    expect(paymentState({ ...booking, status: 'expired' })).toEqual({ kind: 'expired' });
  });

  it('shows the refund of a cancelled paid booking, and asks nothing of an unpaid cancelled one', () => {
    expect(paymentState({ ...booking, status: 'cancelled', payment, refund })).toEqual({
      kind: 'refund',
      refund,
    });
    expect(paymentState({ ...booking, status: 'cancelled' })).toEqual({ kind: 'none' });
  });
});
