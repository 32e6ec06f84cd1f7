import type { AdminBooking } from '@sevabook/shared';
import { toBookingDto, type BookingWithSlot } from '../../bookings/booking-dto.ts';
import type { CheckInCodes } from '../../check-in/check-in-code.ts';

export function toAdminBookingDto(
  booking: BookingWithSlot,
  now: Date,
  timeZone: string,
  checkInCodes: CheckInCodes,
): AdminBooking {
  return {
    ...toBookingDto(booking, now, timeZone, checkInCodes),
    id: booking.id,
    version: booking.version,
    cancelledBy: booking.cancelledBy,
    cancelReason: booking.cancelReason,
    createdByStaffId: booking.createdByStaffId,
    apiKeyId: booking.apiKeyId,
    privacyNoticeVersion: booking.privacyNoticeVersion,
    updatedAt: booking.updatedAt.toISOString(),
  };
}
