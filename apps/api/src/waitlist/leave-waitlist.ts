import type { Db, Tx } from '../db/client.ts';
import { withDeadlockRetry } from '../db/db-errors.ts';
import { notFound } from '../errors.ts';
import { recordAudit, type Actor } from '../audit/audit-log.ts';
import { ManageTokens } from '../bookings/manage-token.ts';
import { releasePlaces } from '../bookings/places.ts';
import { WAITLIST_TRANSACTION, type WaitlistDependencies } from './waitlist-dependencies.ts';
import { entryInclude, type EntryWithSlot } from './entry-view.ts';

/**
 * Leaving the waiting list (the devotee, or staff removing an entry), and giving back an open
 * offer's places. Locks in the order the hold-expiry path uses: the offered booking, then the
 * entry, then (through releasePlaces) the slot.
 */

/**
 * Ends an entry's open offer, if it has one: the held booking becomes `outcome` and its places
 * go at once to the next entries that fit (releasePlaces offers them). Returns whether there
 * was one.
 */
export async function withdrawOffer(
  tx: Tx,
  entryId: number,
  outcome: 'expired' | 'cancelled',
  now: Date,
): Promise<boolean> {
  const held = await tx.$queryRaw<{ id: number; slot_id: number; persons: number }[]>`
    SELECT id, slot_id, persons FROM booking
    WHERE waitlist_entry_id = ${entryId} AND status = 'offered' FOR UPDATE`;
  const booking = held[0];
  if (!booking) return false;
  await lockSlotFirst(tx, booking.slot_id);
  await tx.booking.update({
    where: { id: booking.id },
    data: {
      status: outcome,
      version: { increment: 1 },
      ...(outcome === 'cancelled' ? { cancelledAt: now, cancelledBy: 'devotee' as const } : {}),
    },
  });
  await releasePlaces(tx, booking.slot_id, booking.persons, now);
  return true;
}

/**
 * NOTE: a booking's status change rewrites its index over (slot_id, phone, confirmed_mark), and
 * InnoDB then checks the slot foreign key with a shared lock on the slot row. Two such
 * transactions that next want the slot row for writing deadlock; taking it for writing first
 * makes them queue instead.
 */
export async function lockSlotFirst(tx: Tx, slotId: number): Promise<void> {
  await tx.$queryRaw`SELECT id FROM slot WHERE id = ${slotId} FOR UPDATE`;
}

/** The entry behind a devotee's link, or 404 (a wrong token looks like an unknown entry). */
export async function entryByToken(
  tx: Tx,
  entryId: number,
  token: string | undefined,
): Promise<EntryWithSlot> {
  const entry = await tx.waitlistEntry.findUnique({
    where: { id: entryId },
    include: entryInclude,
  });
  if (!ManageTokens.matchesBooking(token, entry?.tokenHash) || !entry) {
    throw notFound('There is no such waiting list entry, or the link is not complete.');
  }
  return entry;
}

/** The devotee leaves: their entry is removed, and an open offer passes to the next entry. */
export async function leaveWaitlist(
  deps: WaitlistDependencies,
  entryId: number,
  token: string | undefined,
): Promise<EntryWithSlot> {
  const now = deps.now?.() ?? new Date();
  return withDeadlockRetry(() =>
    deps.db.$transaction(async (tx) => {
      await entryByToken(tx, entryId, token);
      return endEntry(tx, entryId, { type: 'devotee', label: 'devotee' }, null, now);
    }, WAITLIST_TRANSACTION),
  );
}

/** Staff remove an entry; an offer it held is released and passed on. */
export async function removeEntry(
  db: Db,
  entryId: number,
  actor: Actor,
  now: Date = new Date(),
): Promise<EntryWithSlot> {
  return withDeadlockRetry(() =>
    db.$transaction(async (tx) => {
      const exists = await tx.waitlistEntry.findUnique({ where: { id: entryId } });
      if (!exists) throw notFound(`There is no waiting list entry ${entryId}.`);
      const staffId = actor.type === 'staff' ? (actor.id ?? null) : null;
      return endEntry(tx, entryId, actor, staffId, now);
    }, WAITLIST_TRANSACTION),
  );
}

async function endEntry(
  tx: Tx,
  entryId: number,
  actor: Actor,
  staffId: number | null,
  now: Date,
): Promise<EntryWithSlot> {
  // The offer first (booking row), then the entry: the order the hold-expiry path locks in.
  await tx.$queryRaw`SELECT id FROM booking WHERE waitlist_entry_id = ${entryId} FOR UPDATE`;
  const ended = await tx.$executeRaw`
    UPDATE waitlist_entry SET status = 'removed', removed_by_staff_id = ${staffId}
    WHERE id = ${entryId} AND status IN ('waiting', 'offered')`;
  if (ended === 1) {
    await withdrawOffer(tx, entryId, 'cancelled', now);
    await recordAudit(tx, {
      entityType: 'slot',
      entityId: (await tx.waitlistEntry.findUniqueOrThrow({ where: { id: entryId } })).slotId,
      action: 'waitlist.removed',
      actor,
      after: { waitlistEntryId: entryId },
    });
  }
  return tx.waitlistEntry.findUniqueOrThrow({ where: { id: entryId }, include: entryInclude });
}

/**
 * A slot closed or cancelled by the temple: its waiting entries expire and its open offers are
 * withdrawn (their places freed, offered to no one), inside the closing transaction.
 */
export async function closeWaitlistOfSlot(tx: Tx, slotId: number, now: Date): Promise<void> {
  await tx.waitlistEntry.updateMany({
    where: { slotId, status: 'waiting' },
    data: { status: 'expired' },
  });
  const offered = await tx.waitlistEntry.findMany({
    where: { slotId, status: 'offered' },
    select: { id: true },
  });
  for (const { id } of offered) {
    await withdrawOffer(tx, id, 'cancelled', now);
    await tx.waitlistEntry.update({ where: { id }, data: { status: 'expired' } });
  }
}
