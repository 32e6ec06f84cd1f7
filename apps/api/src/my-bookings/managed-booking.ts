import type { FastifyRequest } from 'fastify';
import { bookingInclude, type BookingWithSlot } from '../bookings/booking-dto.ts';
import { ManageTokens } from '../bookings/manage-token.ts';
import { notFound } from '../errors.ts';

/**
 * The booking a manage route (look up, calendar file, cancel) opens: with its manage link's
 * token, or with a "my bookings" session of the phone it was booked with. Anything else (a
 * wrong token, another phone's session, a staff token, an expired session) answers exactly as
 * a wrong token always has: 404, after the same read and the same hash comparison, so it tells
 * no one which references exist.
 */
export async function findManagedBooking(
  request: FastifyRequest,
  reference: string,
  token: string | undefined,
): Promise<BookingWithSlot> {
  const { db, devoteeSessions } = request.server;
  const sessionPhone = await devoteeSessions.phoneOf(request);
  const found = await db.booking.findUnique({
    where: { reference },
    select: { id: true, manageTokenHash: true, phone: true },
  });
  const tokenMatches = ManageTokens.matchesBooking(token, found?.manageTokenHash);
  const phoneMatches = sessionPhone !== null && found?.phone === sessionPhone;
  if (!found || !(tokenMatches || phoneMatches)) {
    throw notFound('No booking matches this reference and link.');
  }
  return db.booking.findUniqueOrThrow({ where: { id: found.id }, include: bookingInclude });
}
