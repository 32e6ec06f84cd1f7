import { randomBytes } from 'node:crypto';
import type { Tx } from '../db/client.ts';
import { isUniqueViolation } from '../db/db-errors.ts';
import type { Seva, Slot, WaitlistEntry } from '../generated/prisma/client.ts';
import { recordAudit, type Actor } from '../audit/audit-log.ts';
import { ManageTokens } from '../bookings/manage-token.ts';
import { newReference } from '../bookings/reference.ts';
import { enqueueNotification } from '../notifications/outbox.ts';
import { offerHoldUntil, waitlistOfferSettings } from './offer-hold.ts';

/**
 * Offering freed places to the waiting list.
 *
 * An offer is a booking in status `offered` that holds its places in slot.booked until
 * hold_expires_at, so the CHECK on slot bounds it and no one else can book those places. It is
 * made in the very transaction that frees the places (bookings/places.ts, releasePlaces), so
 * no new booking can slip in between a cancellation and the offer.
 * docs/decisions/0019-check-in-codes-and-waitlist-offers.md has the rules.
 */

const systemActor: Actor = { type: 'system', label: 'waitlist' };
const MAX_REFERENCE_ATTEMPTS = 5;
/** Entries looked at per call; a slot rarely frees places for more. */
const ENTRIES_PER_PASS = 100;

export interface OfferOptions {
  /** Offer this entry only (staff, by hand), rather than the first entries that fit. */
  entryId?: number;
  actor?: Actor;
}

/**
 * Offers the slot's free places to its waiting entries, in id order, each to the first entry
 * that fits. Returns the ids of the entries offered places. Runs inside the caller's
 * transaction; locks the slot row (the caller's UPDATE of the slot may hold it already).
 */
export async function offerFreedPlaces(
  tx: Tx,
  slotId: number,
  now: Date = new Date(),
  options: OfferOptions = {},
): Promise<number[]> {
  // Cheap way out for the usual case: nobody waits for this slot.
  if (options.entryId === undefined) {
    const waiting = await tx.$queryRaw<{ id: number }[]>`
      SELECT id FROM waitlist_entry WHERE slot_id = ${slotId} AND status = 'waiting' LIMIT 1`;
    if (waiting.length === 0) return [];
  }
  // NOTE: the slot's row lock serialises every change of its places, so `free` below stays
  // true until COMMIT.
  await tx.$queryRaw`SELECT id FROM slot WHERE id = ${slotId} FOR UPDATE`;
  const slot = await tx.slot.findUnique({ where: { id: slotId }, include: { seva: true } });
  if (!slot || slot.status !== 'open' || !slot.seva.active) return [];
  const holdUntil = offerHoldUntil(slot.startsAt, slot.seva, now, waitlistOfferSettings(), {
    byStaff: options.entryId !== undefined,
  });
  if (!holdUntil) return [];
  let free = slot.capacity - slot.booked;
  if (free <= 0) return [];

  const entries = await tx.waitlistEntry.findMany({
    where: {
      slotId,
      status: 'waiting',
      persons: { lte: free },
      ...(options.entryId === undefined ? {} : { id: options.entryId }),
    },
    orderBy: { id: 'asc' },
    take: ENTRIES_PER_PASS,
  });
  const offered: number[] = [];
  for (const entry of entries) {
    if (entry.persons > free) continue;
    if (await offerTo(tx, slot, entry, holdUntil, options.actor ?? systemActor)) {
      offered.push(entry.id);
      free -= entry.persons;
    }
    if (free <= 0) break;
  }
  return offered;
}

/** One offer: the entry marked, the held booking made, its places taken, its message queued. */
async function offerTo(
  tx: Tx,
  slot: Slot & { seva: Seva },
  entry: WaitlistEntry,
  holdUntil: Date,
  actor: Actor,
): Promise<boolean> {
  // Conditional: a devotee leaving at this moment wins, and the entry is skipped.
  const marked = await tx.$executeRaw`
    UPDATE waitlist_entry SET status = 'offered', offers_made = offers_made + 1
    WHERE id = ${entry.id} AND status = 'waiting'`;
  if (marked === 0) return false;
  // A phone holds one place per slot: one that booked meanwhile has what it waited for.
  const holding = await tx.booking.findFirst({
    where: {
      slotId: slot.id,
      phone: entry.phone,
      status: { in: ['confirmed', 'pending_payment', 'offered'] },
    },
    select: { id: true },
  });
  if (holding) {
    await tx.waitlistEntry.update({ where: { id: entry.id }, data: { status: 'expired' } });
    return false;
  }
  const booking = await createOfferBooking(tx, slot, entry, holdUntil);
  const taken = await tx.$executeRaw`
    UPDATE slot SET booked = booked + ${entry.persons}
    WHERE id = ${slot.id} AND status = 'open' AND booked + ${entry.persons} <= capacity`;
  if (taken !== 1) throw new Error(`Slot ${slot.id} lost places while locked`);
  await enqueueNotification(tx, { bookingId: booking.id, kind: 'waitlist_offer', eventSeq: 1 });
  await recordAudit(tx, {
    entityType: 'booking',
    entityId: booking.id,
    bookingId: booking.id,
    action: 'booking.offered',
    actor,
    after: {
      reference: booking.reference,
      status: 'offered',
      persons: entry.persons,
      waitlistEntryId: entry.id,
      holdExpiresAt: holdUntil.toISOString(),
    },
  });
  return true;
}

async function createOfferBooking(
  tx: Tx,
  slot: Slot & { seva: Seva },
  entry: WaitlistEntry,
  holdUntil: Date,
) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await tx.booking.create({
        data: {
          reference: newReference(),
          slotId: slot.id,
          devoteeName: entry.devoteeName,
          phone: entry.phone,
          email: entry.email,
          persons: entry.persons,
          language: entry.language,
          status: 'offered',
          source: 'web',
          // Nobody can open it until accepted: then it gets the hash of its derived manage
          // token (accept-offer.ts), like any other booking.
          manageTokenHash: ManageTokens.hash(randomBytes(16).toString('base64url')),
          feePaise: slot.seva.feePaise * entry.persons,
          pays: slot.seva.paymentMode === 'online_required' ? 'online' : 'counter',
          holdExpiresAt: holdUntil,
          waitlistEntryId: entry.id,
        },
      });
    } catch (error) {
      // MariaDB keeps the transaction after a failed statement: draw another reference.
      if (isUniqueViolation(error, 'booking_reference_key') && attempt < MAX_REFERENCE_ATTEMPTS) {
        continue;
      }
      throw error;
    }
  }
}
