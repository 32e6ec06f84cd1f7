import { addDaysToDate, startOfTempleDay, type Collections } from '@sevabook/shared';
import type { Tx } from '../db/client.ts';
import type { PaymentMethod } from '../generated/prisma/client.ts';
import { sevaName } from '../sevas/seva-dto.ts';
import { formatReceiptNumber } from './receipts.ts';

/**
 * The collections of a range of temple dates: what the clerk hands over with the cash box.
 * Every payment received in the range with its receipt (online ones too), totals per method and
 * per clerk, and the refunds paid out in the range, cash ones per clerk, so that each clerk's
 * cash in hand is what they took less what they gave back.
 */

const staffRef = { select: { id: true, name: true } } as const;
const bookingOf = {
  select: {
    id: true,
    reference: true,
    devoteeName: true,
    phone: true,
    slot: { select: { startsAt: true, seva: true } },
  },
} as const;

type Clerk = { id: number; name: string } | null;
type ClerkRow = Collections['byClerk'][number];

export async function buildCollections(
  db: Tx,
  query: { from: string; to: string },
  timeZone: string,
  receiptPrefix: string,
): Promise<Collections> {
  const range = {
    gte: startOfTempleDay(query.from, timeZone),
    lt: startOfTempleDay(addDaysToDate(query.to, 1), timeZone),
  };
  const number = (r: { financialYear: string; number: number } | null) =>
    r ? formatReceiptNumber(receiptPrefix, r.financialYear, r.number) : null;

  const [payments, refunds] = await Promise.all([
    db.payment.findMany({
      where: { paidAt: range },
      include: { receipt: true, recordedByStaff: staffRef, booking: bookingOf },
      orderBy: { id: 'asc' },
    }),
    db.refund.findMany({
      where: { status: 'processed', processedAt: range },
      include: {
        recordedByStaff: staffRef,
        payment: { include: { receipt: true, booking: bookingOf } },
      },
      orderBy: [{ processedAt: 'asc' }, { id: 'asc' }],
    }),
  ]);

  const byMethod: Record<PaymentMethod, number> = { cash: 0, upi: 0, card: 0, online: 0 };
  const clerks = new Map<number | null, ClerkRow>();
  const clerkRow = (clerk: Clerk): ClerkRow => {
    const key = clerk?.id ?? null;
    let row = clerks.get(key);
    if (!row) {
      row = {
        clerk: clerk ? { id: clerk.id, name: clerk.name } : null,
        receipts: 0,
        byMethod: { cash: 0, upi: 0, card: 0 },
        receivedPaise: 0,
        cashRefundedPaise: 0,
        cashInHandPaise: 0,
      };
      clerks.set(key, row);
    }
    return row;
  };

  for (const p of payments) {
    byMethod[p.method] += p.amountPaise;
    if (p.method === 'online') continue;
    const row = clerkRow(p.recordedByStaff);
    row.receipts += 1;
    row.byMethod[p.method] += p.amountPaise;
    row.receivedPaise += p.amountPaise;
  }
  for (const r of refunds) {
    if (r.method !== 'cash') continue;
    clerkRow(r.recordedByStaff).cashRefundedPaise += r.amountPaise;
  }
  for (const row of clerks.values())
    row.cashInHandPaise = row.byMethod.cash - row.cashRefundedPaise;

  const receivedPaise = payments.reduce((sum, p) => sum + p.amountPaise, 0);
  const refundedPaise = refunds.reduce((sum, r) => sum + r.amountPaise, 0);
  const receipts = payments
    .map((p) => ({
      receiptNumber: number(p.receipt) ?? '',
      sortKey: p.receipt
        ? `${p.receipt.financialYear}/${String(p.receipt.number).padStart(12, '0')}`
        : '',
      paymentId: p.id,
      bookingId: p.booking.id,
      bookingReference: p.booking.reference,
      devoteeName: p.booking.devoteeName,
      phone: p.booking.phone,
      seva: { id: p.booking.slot.seva.id, name: sevaName(p.booking.slot.seva) },
      startsAt: p.booking.slot.startsAt.toISOString(),
      amountPaise: p.amountPaise,
      method: p.method,
      clerk: p.recordedByStaff ? { id: p.recordedByStaff.id, name: p.recordedByStaff.name } : null,
      paidAt: p.paidAt.toISOString(),
      status: p.status,
    }))
    .sort((a, b) => a.sortKey.localeCompare(b.sortKey) || a.paymentId - b.paymentId)
    .map(({ sortKey: _sortKey, ...row }) => row);

  return {
    from: query.from,
    to: query.to,
    byClerk: [...clerks.values()].sort((a, b) =>
      (a.clerk?.name ?? '\uffff').localeCompare(b.clerk?.name ?? '\uffff'),
    ),
    byMethod,
    receivedPaise,
    refundedPaise,
    netPaise: receivedPaise - refundedPaise,
    receipts,
    refunds: refunds.map((r) => ({
      refundId: r.id,
      receiptNumber: number(r.payment.receipt),
      bookingReference: r.payment.booking.reference,
      devoteeName: r.payment.booking.devoteeName,
      phone: r.payment.booking.phone,
      amountPaise: r.amountPaise,
      method: r.method,
      processedAt: r.processedAt!.toISOString(),
      paidOutBy:
        r.method === 'cash' && r.recordedByStaff
          ? { id: r.recordedByStaff.id, name: r.recordedByStaff.name }
          : null,
    })),
  };
}
