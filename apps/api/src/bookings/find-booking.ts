import type { Tx } from '../db/client.ts';
import { notFound } from '../errors.ts';
import { bookingInclude, type BookingWithSlot } from './booking-dto.ts';
import { ManageTokens } from './manage-token.ts';

/** The booking a devotee's manage link opens: its reference and the token the link carries. */
export async function findBookingByReference(
  db: Tx,
  reference: string,
  token: string | undefined,
): Promise<BookingWithSlot> {
  // A wrong token answers exactly like an unknown reference, after the same work: one read of
  // the stored hash and one comparison. The slot and seva are read only for the right token.
  const found = await db.booking.findUnique({
    where: { reference },
    select: { id: true, manageTokenHash: true },
  });
  const matched = ManageTokens.matchesBooking(token, found?.manageTokenHash);
  if (!found || !matched) throw notFound('No booking matches this reference and link.');
  return db.booking.findUniqueOrThrow({ where: { id: found.id }, include: bookingInclude });
}
