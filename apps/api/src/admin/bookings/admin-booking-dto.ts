import type { AdminBooking } from '@sevabook/shared';
import { toBookingDto, type BookingWithSlot } from '../../bookings/booking-dto.ts';
import type { CheckInCodes } from '../../check-in/check-in-code.ts';
import type { Tx } from '../../db/client.ts';
import { moneyOfBookings, type BookingMoney } from '../payments/booking-money.ts';

/** A booking with its money (admin/payments/booking-money.ts), as staff see it. */
export type BookingWithMoney = BookingWithSlot & { money: BookingMoney };

/** Loads the money of bookings read or written without it, in one query. */
export async function withMoney(
  db: Tx,
  bookings: readonly BookingWithSlot[],
  receiptPrefix: string,
): Promise<BookingWithMoney[]> {
  const money = await moneyOfBookings(db, bookings, receiptPrefix);
  return bookings.map((b) => ({ ...b, money: money.get(b.id)! }));
}

export function toAdminBookingDto(
  booking: BookingWithMoney,
  now: Date,
  timeZone: string,
  checkInCodes: CheckInCodes,
  receiptPrefix: string,
): AdminBooking {
  return {
    ...toBookingDto(booking, now, timeZone, checkInCodes, { receiptPrefix }),
    id: booking.id,
    version: booking.version,
    cancelledBy: booking.cancelledBy,
    cancelReason: booking.cancelReason,
    createdByStaffId: booking.createdByStaffId,
    apiKeyId: booking.apiKeyId,
    privacyNoticeVersion: booking.privacyNoticeVersion,
    updatedAt: booking.updatedAt.toISOString(),
    ...booking.money,
  };
}
