import { templeDateOf, templeTimeOf, type Booking as BookingDto } from '@sevabook/shared';
import type { Booking, Seva, Slot } from '../generated/prisma/client.ts';
import type { CheckInCodes } from '../check-in/check-in-code.ts';
import {
  receiptOf,
  refundOf,
  type PaymentViewSettings,
  type PaymentWithDetails,
} from '../payments/payment-view.ts';
import { sevaName } from '../sevas/seva-dto.ts';
import { bookingWindow } from '../slots/booking-window.ts';

export type BookingWithSlot = Booking & {
  slot: Slot & { seva: Seva };
  /** Read with bookingInclude; a booking just made has none. */
  payments?: PaymentWithDetails[];
};

export const bookingInclude = {
  slot: { include: { seva: true } },
  payments: { include: { receipt: true, refund: true } },
} as const;

export function toBookingDto(
  booking: BookingWithSlot,
  now: Date,
  timeZone: string,
  checkInCodes: CheckInCodes,
  money: PaymentViewSettings,
): BookingDto {
  const payments = booking.payments ?? [];
  const pending = booking.status === 'pending_payment';
  const { slot } = booking;
  const { seva } = slot;
  const closesAt = bookingWindow(slot.startsAt, seva, timeZone).closesAt;
  return {
    reference: booking.reference,
    status: booking.status,
    source: booking.source,
    devoteeName: booking.devoteeName,
    phone: booking.phone,
    email: booking.email,
    persons: booking.persons,
    gotra: booking.gotra,
    nakshatra: booking.nakshatra,
    rashi: booking.rashi,
    language: booking.language,
    // What it was booked at, whatever the seva's fee is now.
    feePaise: booking.feePaise,
    slot: {
      id: slot.id,
      startsAt: slot.startsAt.toISOString(),
      date: templeDateOf(slot.startsAt, timeZone),
      time: templeTimeOf(slot.startsAt, timeZone),
    },
    seva: { id: seva.id, name: sevaName(seva), durationMinutes: seva.durationMinutes },
    cancellable: booking.status === 'confirmed' && now <= closesAt,
    cancellableUntil: closesAt.toISOString(),
    cancelledAt: booking.cancelledAt?.toISOString() ?? null,
    createdAt: booking.createdAt.toISOString(),
    checkInCode: checkInCodes.codeFor(booking.reference),
    pays: booking.pays,
    holdExpiresAt: pending ? (booking.holdExpiresAt?.toISOString() ?? null) : null,
    razorpay:
      pending && booking.razorpayOrderId && money.checkout
        ? money.checkout(booking.razorpayOrderId, booking.feePaise)
        : null,
    receipt: receiptOf(payments, money.receiptPrefix),
    refund: refundOf(payments),
  };
}
