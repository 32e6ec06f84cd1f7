import type { Db } from '../db/client.ts';
import { withDeadlockRetry } from '../db/db-errors.ts';
import { conflict, notFound } from '../errors.ts';
import type { Actor } from '../audit/audit-log.ts';
import { slotFull } from '../bookings/places.ts';
import { entryInclude, type EntryWithSlot } from './entry-view.ts';
import { offerFreedPlaces } from './offer-places.ts';
import { WAITLIST_TRANSACTION } from './waitlist-dependencies.ts';

/**
 * Staff offer the slot's free places to one entry, out of turn if they choose: through the same
 * offerFreedPlaces as every offer, so only if the places fit.
 */
export async function offerByHand(
  db: Db,
  entryId: number,
  actor: Actor,
  now: Date = new Date(),
): Promise<EntryWithSlot> {
  return withDeadlockRetry(() =>
    db.$transaction(async (tx) => {
      const entry = await tx.waitlistEntry.findUnique({ where: { id: entryId } });
      if (!entry) throw notFound(`There is no waiting list entry ${entryId}.`);
      if (entry.status !== 'waiting') {
        throw conflict('conflict', 'Not waiting', `This entry is ${entry.status}, not waiting.`);
      }
      const offered = await offerFreedPlaces(tx, entry.slotId, now, { entryId, actor });
      if (offered.length === 0) {
        const slot = await tx.slot.findUniqueOrThrow({ where: { id: entry.slotId } });
        if (slot.status !== 'open') {
          throw conflict('slot_not_bookable', 'Slot not bookable', 'This slot is not open.');
        }
        throw slotFull(slot.capacity - slot.booked);
      }
      return tx.waitlistEntry.findUniqueOrThrow({ where: { id: entryId }, include: entryInclude });
    }, WAITLIST_TRANSACTION),
  );
}
