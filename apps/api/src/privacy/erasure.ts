import { nationalDigits, type ErasureResult } from '@sevabook/shared';
import type { Db, Tx } from '../db/client.ts';
import { Prisma } from '../generated/prisma/client.ts';
import { recordAudit, type Actor } from '../audit/audit-log.ts';
import { releasePlaces } from '../bookings/places.ts';
import { conflict } from '../errors.ts';
import { anonymiseBookings, scrubAuditEntries } from './anonymise.ts';

export interface ErasureRequest {
  /** E.164. */
  phone: string;
  /** Cancel the number's upcoming confirmed bookings first; otherwise they refuse the erasure. */
  cancelUpcoming: boolean;
  actor: Actor;
  now?: Date;
}

/**
 * Erases one devotee's personal data at their request (DPDP Act 2023, section 12): every
 * booking that holds or once held the number is anonymised as the retention job would
 * (anonymise.ts), and so are audit copies and message errors elsewhere that quote it.
 *
 * An upcoming confirmed booking is a seva the devotee may still come to, so it is not erased
 * silently: the erasure is refused (409 upcoming_bookings) unless the admin asks for those
 * bookings to be cancelled, which frees their places at once. No cancellation message goes
 * out: the number is what is being erased. The erasure itself is audited with counts only.
 */
export async function eraseDevotee(db: Db, request: ErasureRequest): Promise<ErasureResult> {
  const now = request.now ?? new Date();
  return db.$transaction(
    async (tx) => {
      const ids = await bookingsOfNumber(tx, request.phone);
      const bookings = await tx.booking.findMany({
        where: { id: { in: ids } },
        include: { slot: { select: { startsAt: true } } },
        orderBy: { id: 'asc' },
      });
      const upcoming = bookings.filter((b) => b.status === 'confirmed' && b.slot.startsAt > now);
      if (upcoming.length > 0 && !request.cancelUpcoming) {
        throw conflict(
          'upcoming_bookings',
          'Upcoming bookings',
          `This number has ${upcoming.length} upcoming confirmed ${upcoming.length === 1 ? 'booking' : 'bookings'} ` +
            `(${upcoming.map((b) => b.reference).join(', ')}). Cancel them first, or erase with ` +
            'cancelUpcoming to cancel them and free their places.',
        );
      }
      for (const booking of upcoming) {
        await tx.booking.update({
          where: { id: booking.id },
          data: {
            status: 'cancelled',
            cancelledAt: now,
            cancelledBy: request.actor.type,
            version: booking.version + 1,
          },
        });
        await releasePlaces(tx, booking.slotId, booking.persons);
      }
      for (const booking of bookings) {
        await recordAudit(tx, {
          entityType: 'booking',
          entityId: booking.id,
          bookingId: booking.id,
          action: 'booking.erased',
          actor: request.actor,
          after: { erased: true, cancelled: upcoming.includes(booking) },
        });
      }

      const counts = await anonymiseBookings(
        tx,
        bookings.map((b) => b.id),
      );
      const elsewhere = await scrubQuotesOfNumber(tx, request.phone);
      const result: ErasureResult = {
        bookings: counts.bookings,
        cancelledUpcoming: upcoming.length,
        notifications: counts.notifications + elsewhere.notifications,
        auditEntries: counts.auditEntries + elsewhere.auditEntries,
      };
      await recordAudit(tx, {
        entityType: 'personal_data',
        entityId: 0,
        action: 'devotee.erased',
        actor: request.actor,
        after: result,
      });
      return result;
    },
    { isolationLevel: 'ReadCommitted', timeout: 30_000, maxWait: 15_000 },
  );
}

/**
 * The bookings that hold the number now or held it once (staff corrected a number, and the
 * audit trail keeps the old one), locked in id order. A booking that once held the number is
 * the devotee's booking too: its name and details are theirs.
 */
async function bookingsOfNumber(tx: Tx, phone: string): Promise<number[]> {
  const national = nationalDigits(phone);
  const current = await tx.booking.findMany({ where: { phone }, select: { id: true } });
  const onceHeld = await tx.auditEntry.findMany({
    where: {
      entityType: 'booking',
      bookingId: { not: null },
      OR: [{ before: { contains: national } }, { after: { contains: national } }],
    },
    select: { bookingId: true },
  });
  const ids = [
    ...new Set([...current.map((b) => b.id), ...onceHeld.map((e) => e.bookingId!)]),
  ].sort((a, b) => a - b);
  if (ids.length === 0) return [];
  const locked = await tx.$queryRaw<{ id: number }[]>`
    SELECT id FROM booking WHERE id IN (${Prisma.join(ids)}) ORDER BY id FOR UPDATE`;
  return locked.map((b) => Number(b.id));
}

/**
 * Audit copies and message errors of other bookings that quote the number, in E.164 or
 * national digits (the national digits are inside the E.164 form too).
 */
async function scrubQuotesOfNumber(
  tx: Tx,
  phone: string,
): Promise<{ auditEntries: number; notifications: number }> {
  const national = nationalDigits(phone);
  const quoting = await tx.auditEntry.findMany({
    where: { OR: [{ before: { contains: national } }, { after: { contains: national } }] },
    select: { id: true },
  });
  const auditEntries =
    quoting.length === 0
      ? 0
      : await scrubAuditEntries(tx, { id: { in: quoting.map((e) => e.id) } });
  const { count: notifications } = await tx.notification.updateMany({
    where: { lastError: { contains: national } },
    data: { lastError: null },
  });
  return { auditEntries, notifications };
}
