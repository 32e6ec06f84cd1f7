import { describe, expect, it } from 'vitest';
import type { BookingPayment } from './payment-types.ts';
import { refundPreview } from './refund-preview.ts';

const cash: BookingPayment = {
  receiptNumber: 'SB/2026-27/000123',
  method: 'cash',
  amountPaise: 30000,
  paidAt: '2026-12-01T01:00:00.000Z',
  recordedBy: { id: 2, name: 'Ravi' },
  status: 'captured',
};
const startsAt = '2026-12-10T01:00:00.000Z';
const hour = 3_600_000;

describe('refundPreview', () => {
  it('refunds the whole payment when cancelled at least the policy’s hours before the start', () => {
    const now = Date.parse(startsAt) - 24 * hour;
    expect(refundPreview({ payment: cash, startsAt, refundFullHoursBefore: 24, now })).toEqual({
      kind: 'full',
      amountPaise: 30000,
      inCash: true,
      hoursBefore: 24,
    });
  });

  it('refunds nothing a minute after the deadline, and says it is too late', () => {
    const now = Date.parse(startsAt) - 24 * hour + 60_000;
    expect(refundPreview({ payment: cash, startsAt, refundFullHoursBefore: 24, now }).kind).toBe(
      'too_late',
    );
  });

  it('sends an online payment back online, not in cash', () => {
    const preview = refundPreview({
      payment: { ...cash, method: 'online', recordedBy: null },
      startsAt,
      refundFullHoursBefore: 0,
      now: Date.parse(startsAt) - hour,
    });
    expect(preview).toMatchObject({ kind: 'full', inCash: false });
  });

  it('has nothing to refund without a payment', () => {
    expect(refundPreview({ payment: null, startsAt, refundFullHoursBefore: 24, now: 0 }).kind).toBe(
      'not_paid',
    );
  });
});
