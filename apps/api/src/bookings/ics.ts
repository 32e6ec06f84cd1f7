import { glossary } from '@sevabook/shared';
import { createEvent } from 'ics';
import type { BookingWithSlot } from './booking-dto.ts';

/**
 * A calendar file for the booking, so the seva sits in the devotee's phone calendar, in the
 * language the booking was made in (Kannada or English), with the site's own terms.
 *
 * NOTE: a calendar entry is shared with family and synced to other devices, so it carries no
 * manage link (whose token can cancel), only the seva's public page: ADR 0015.
 */
export function bookingCalendar(
  booking: BookingWithSlot,
  templeName: string,
  sevaUrl: string,
): string {
  const { slot } = booking;
  const language = booking.language === 'kn' ? 'kn' : 'en';
  const sevaName = language === 'kn' ? slot.seva.nameKn : slot.seva.nameEn;
  const term = (key: keyof typeof glossary) => glossary[key][language];
  const { value, error } = createEvent({
    uid: `${booking.reference}@sevabook`,
    title: sevaName,
    description: [
      `${term('bookingNumber')}: ${booking.reference}`,
      `${term('persons')}: ${booking.persons}`,
      `${term('details')}: ${sevaUrl}`,
    ].join('\n'),
    location: templeName,
    start: slot.startsAt.getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    duration: { minutes: slot.seva.durationMinutes },
    status: booking.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
    productId: 'sevabook',
    url: sevaUrl,
  });
  if (error || !value) throw error ?? new Error('Could not build the calendar file');
  return value;
}
