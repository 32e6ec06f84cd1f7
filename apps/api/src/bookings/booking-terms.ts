import { unprocessable } from '../errors.ts';
import { bookingWindow, type WindowRules } from '../slots/booking-window.ts';

/**
 * The seva's terms a devotee's request must meet, whether it books a slot
 * (create-booking.ts) or waits for one (waitlist/join-waitlist.ts).
 */

/** Refuses more persons than one booking of the seva may cover. */
export function refuseTooManyPersons(
  seva: { nameEn: string; maxPersonsPerBooking: number },
  persons: number,
): void {
  if (persons <= seva.maxPersonsPerBooking) return;
  throw unprocessable(
    'persons_exceed_limit',
    'Too many persons',
    `One booking of ${seva.nameEn} may cover at most ${seva.maxPersonsPerBooking} persons.`,
  );
}

/** Refuses a request before the seva's booking window opens or after it closes. */
export function refuseOutsideBookingWindow(
  startsAt: Date,
  seva: WindowRules,
  timeZone: string,
  now: Date,
  closedDetail = 'Booking for this slot has closed.',
): void {
  const window = bookingWindow(startsAt, seva, timeZone);
  if (now < window.opensAt) {
    throw unprocessable(
      'booking_not_open_yet',
      'Booking not open yet',
      `Booking for this slot opens at ${window.opensAt.toISOString()}.`,
    );
  }
  if (now > window.closesAt) {
    throw unprocessable('booking_window_closed', 'Booking closed', closedDetail);
  }
}
