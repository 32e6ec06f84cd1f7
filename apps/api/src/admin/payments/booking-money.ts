import type { BookingPayment, BookingRefund, StaffRef } from '@sevabook/shared';
import type { Tx } from '../../db/client.ts';
import type { BookingPays, Prisma } from '../../generated/prisma/client.ts';
import { formatReceiptNumber } from '../../payments/receipts.ts';

/**
 * A booking's money as staff see it beside the booking (the admin booking, the day sheet's
 * rows): how the devotee pays, the payment and its receipt, and its refund.
 */

const staffRef = { select: { id: true, name: true } } as const;

/** What to include of a booking's payments to show its money. */
export const paymentsInclude = {
  include: {
    receipt: true,
    recordedByStaff: staffRef,
    refund: { include: { recordedByStaff: staffRef } },
  },
  orderBy: { id: 'desc' },
} as const satisfies Prisma.Booking$paymentsArgs;

export type PaymentWithMoney = Prisma.PaymentGetPayload<typeof paymentsInclude>;

export interface BookingMoney {
  pays: BookingPays;
  payment: BookingPayment | null;
  refund: BookingRefund | null;
}

const ref = (staff: { id: number; name: string } | null): StaffRef | null =>
  staff ? { id: staff.id, name: staff.name } : null;

/**
 * The payment shown: the kept one, else the newest (refunded or being refunded), whose refund
 * comes with it. A booking has at most one kept payment (payment_one_kept_per_booking).
 */
export function bookingMoney(
  booking: { pays: BookingPays; payments: PaymentWithMoney[] },
  receiptPrefix: string,
): BookingMoney {
  const shown =
    booking.payments.find((p) => p.status === 'captured') ?? booking.payments[0] ?? null;
  if (!shown) return { pays: booking.pays, payment: null, refund: null };
  const { receipt, refund } = shown;
  return {
    pays: booking.pays,
    payment: {
      receiptNumber: receipt
        ? formatReceiptNumber(receiptPrefix, receipt.financialYear, receipt.number)
        : '',
      method: shown.method,
      amountPaise: shown.amountPaise,
      paidAt: shown.paidAt.toISOString(),
      recordedBy: ref(shown.recordedByStaff),
      status: shown.status,
    },
    refund: refund
      ? {
          id: refund.id,
          amountPaise: refund.amountPaise,
          method: refund.method,
          status: refund.status,
          reason: refund.reason,
          createdAt: refund.createdAt.toISOString(),
          processedAt: refund.processedAt?.toISOString() ?? null,
          recordedBy: ref(refund.recordedByStaff),
        }
      : null,
  };
}

/** The money of several bookings at once, by booking id (for lists built without it). */
export async function moneyOfBookings(
  db: Tx,
  bookings: readonly { id: number; pays: BookingPays }[],
  receiptPrefix: string,
): Promise<Map<number, BookingMoney>> {
  const payments =
    bookings.length === 0
      ? []
      : await db.payment.findMany({
          where: { bookingId: { in: bookings.map((b) => b.id) } },
          ...paymentsInclude,
        });
  const byBooking = new Map<number, PaymentWithMoney[]>();
  for (const p of payments) byBooking.set(p.bookingId, [...(byBooking.get(p.bookingId) ?? []), p]);
  return new Map(
    bookings.map((b) => [
      b.id,
      bookingMoney({ pays: b.pays, payments: byBooking.get(b.id) ?? [] }, receiptPrefix),
    ]),
  );
}
