import { createEvent } from 'ics';
import type { BookingWithSlot } from './booking-dto.ts';

/** A calendar file for the booking, so the seva sits in the devotee's phone calendar. */
export function bookingCalendar(
  booking: BookingWithSlot,
  templeName: string,
  manageUrl: string,
): string {
  const { slot } = booking;
  const { value, error } = createEvent({
    uid: `${booking.reference}@sevabook`,
    title: `${slot.seva.nameEn} / ${slot.seva.nameKn}`,
    description: `Booking ${booking.reference} for ${booking.persons} ${booking.persons === 1 ? 'person' : 'persons'}.\nManage: ${manageUrl}`,
    location: templeName,
    start: slot.startsAt.getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    duration: { minutes: slot.seva.durationMinutes },
    status: booking.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
    productId: 'sevabook',
    url: manageUrl,
  });
  if (error || !value) throw error ?? new Error('Could not build the calendar file');
  return value;
}
