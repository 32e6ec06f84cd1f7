import { withDeadlockRetry } from '../db/db-errors.ts';
import type { Tx } from '../db/client.ts';
import { conflict } from '../errors.ts';
import { auditView, recordAudit } from '../audit/audit-log.ts';
import { ManageTokens } from '../bookings/manage-token.ts';
import { releasePlaces } from '../bookings/places.ts';
import { executeIn, insertOutboxRows } from '../db/event-rows.ts';
import type { Booking } from '../generated/prisma/client.ts';
import { newBookingEvents } from '../notifications/outbox.ts';
import { entryByToken, lockSlotFirst } from './leave-waitlist.ts';
import { WAITLIST_TRANSACTION, type WaitlistDependencies } from './waitlist-dependencies.ts';

export interface AcceptedBooking {
  booking: Booking;
  manageToken: string;
}

type Outcome = { accepted: Booking } | { refused: 'expired' | 'not_open' };

/**
 * The devotee accepts the places offered: the held booking becomes confirmed, with its
 * confirmation and reminder queued and the manage token every booking has; the entry is
 * booked. Accepting twice answers the same booking. An offer whose hold has run out is
 * released here (its places go to the next entry) and refused.
 *
 * NOTE: a seva paid online is confirmed here too, to pay at the counter: the online payment
 * hold (pending_payment with a Razorpay order) will take this branch once that path exists.
 */
export async function acceptOffer(
  deps: WaitlistDependencies,
  entryId: number,
  token: string | undefined,
): Promise<AcceptedBooking> {
  const now = deps.now?.() ?? new Date();
  const outcome = await withDeadlockRetry(() =>
    deps.db.$transaction(async (tx): Promise<Outcome> => {
      await entryByToken(tx, entryId, token);
      // The booking, then the entry: the order the hold-expiry path locks them in.
      await tx.$queryRaw`SELECT id FROM booking WHERE waitlist_entry_id = ${entryId} FOR UPDATE`;
      await tx.$queryRaw`SELECT id FROM waitlist_entry WHERE id = ${entryId} FOR UPDATE`;
      const entry = await tx.waitlistEntry.findUniqueOrThrow({ where: { id: entryId } });
      const booking = await tx.booking.findUnique({
        where: { waitlistEntryId: entryId },
        include: { slot: true },
      });
      if (!booking) return { refused: 'not_open' };
      if (entry.status === 'booked' && booking.status !== 'offered') return { accepted: booking };
      if (entry.status !== 'offered' || booking.status !== 'offered')
        return { refused: 'not_open' };
      if (!booking.holdExpiresAt || booking.holdExpiresAt <= now) {
        await expireHeldOffer(tx, booking, now);
        return { refused: 'expired' };
      }
      return { accepted: await confirmOffer(tx, booking, booking.slot.startsAt, deps) };
    }, WAITLIST_TRANSACTION),
  );
  if ('refused' in outcome) {
    throw conflict(
      'offer_not_open',
      'Offer no longer open',
      outcome.refused === 'expired'
        ? 'The time to accept these places has passed; they have gone to the next devotee waiting.'
        : 'There is no open offer of places for this entry.',
    );
  }
  const { accepted } = outcome;
  return { booking: accepted, manageToken: deps.tokens.tokenFor(accepted.reference) };
}

async function confirmOffer(
  tx: Tx,
  booking: Booking,
  startsAt: Date,
  deps: WaitlistDependencies,
): Promise<Booking> {
  const confirmed = await tx.booking.update({
    where: { id: booking.id },
    data: {
      status: 'confirmed',
      holdExpiresAt: null,
      pays: 'counter',
      manageTokenHash: ManageTokens.hash(deps.tokens.tokenFor(booking.reference)),
      version: { increment: 1 },
    },
  });
  await tx.waitlistEntry.update({
    where: { id: booking.waitlistEntryId! },
    data: { status: 'booked' },
  });
  // The notifier's clock, not the rules' (`now` may be a test's).
  await executeIn(tx, insertOutboxRows(booking.id, newBookingEvents(startsAt, new Date())));
  await recordAudit(tx, {
    entityType: 'booking',
    entityId: booking.id,
    bookingId: booking.id,
    action: 'booking.offer_accepted',
    actor: { type: 'devotee', label: 'devotee' },
    before: auditView(booking),
    after: auditView(confirmed),
  });
  return confirmed;
}

/** An offer past its hold: expired, its entry too, its places passed on at once. */
export async function expireHeldOffer(tx: Tx, booking: Booking, now: Date): Promise<void> {
  await lockSlotFirst(tx, booking.slotId);
  const changed = await tx.$executeRaw`
    UPDATE booking SET status = 'expired', version = version + 1
    WHERE id = ${booking.id} AND status = 'offered'`;
  if (changed !== 1) return;
  if (booking.waitlistEntryId !== null) {
    await tx.$executeRaw`
      UPDATE waitlist_entry SET status = 'expired'
      WHERE id = ${booking.waitlistEntryId} AND status = 'offered'`;
  }
  await releasePlaces(tx, booking.slotId, booking.persons, now);
}
