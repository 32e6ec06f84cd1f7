import type { AdminBooking } from '@sevabook/shared';
import { toBookingDto, type BookingWithSlot } from '../../bookings/booking-dto.ts';

export function toAdminBookingDto(
  booking: BookingWithSlot,
  now: Date,
  timeZone: string,
): AdminBooking {
  return {
    ...toBookingDto(booking, now, timeZone),
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
