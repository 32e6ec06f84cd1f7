import type { AdminRefund, RefundQuery } from '@sevabook/shared';
import type { Tx } from '../../db/client.ts';
import type { Prisma } from '../../generated/prisma/client.ts';
import { formatReceiptNumber } from '../../payments/receipts.ts';
import { sevaName } from '../../sevas/seva-dto.ts';

const staffRef = { select: { id: true, name: true } } as const;

export const refundInclude = {
  recordedByStaff: staffRef,
  payment: {
    include: {
      receipt: true,
      booking: { include: { slot: { include: { seva: true } } } },
    },
  },
} as const satisfies Prisma.RefundInclude;

type RefundRow = Prisma.RefundGetPayload<{ include: typeof refundInclude }>;

/** Refunds for staff, newest first: the failed ones to retry, the cash ones to pay out. */
export async function listRefunds(
  db: Tx,
  query: RefundQuery,
): Promise<{ items: RefundRow[]; total: number }> {
  const where: Prisma.RefundWhereInput = query.status ? { status: query.status } : {};
  const [items, total] = await Promise.all([
    db.refund.findMany({
      where,
      include: refundInclude,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    }),
    db.refund.count({ where }),
  ]);
  return { items, total };
}

export function toAdminRefundDto(r: RefundRow, receiptPrefix: string): AdminRefund {
  const { payment } = r;
  const { booking } = payment;
  return {
    id: r.id,
    amountPaise: r.amountPaise,
    method: r.method,
    status: r.status,
    reason: r.reason,
    createdAt: r.createdAt.toISOString(),
    processedAt: r.processedAt?.toISOString() ?? null,
    recordedBy: r.recordedByStaff
      ? { id: r.recordedByStaff.id, name: r.recordedByStaff.name }
      : null,
    attempts: r.attempts,
    lastError: r.lastError,
    payment: {
      id: payment.id,
      method: payment.method,
      receiptNumber: payment.receipt
        ? formatReceiptNumber(receiptPrefix, payment.receipt.financialYear, payment.receipt.number)
        : null,
    },
    booking: {
      id: booking.id,
      reference: booking.reference,
      devoteeName: booking.devoteeName,
      phone: booking.phone,
      sevaName: sevaName(booking.slot.seva),
      startsAt: booking.slot.startsAt.toISOString(),
    },
  };
}
