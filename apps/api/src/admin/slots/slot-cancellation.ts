import type { Tx } from '../../db/client.ts';
import { recordAudit, type Actor } from '../../audit/audit-log.ts';
import { bookingInclude } from '../../bookings/booking-dto.ts';
import { auditView, releasePlaces } from '../../bookings/booking-service.ts';
import { cancelReminder, enqueueNotification } from '../../notifications/outbox.ts';

/**
 * Cancels every confirmed booking of a slot inside the caller's transaction (closing or
 * cancelling the slot, a closed date): places freed, one cancellation message and one audit
 * entry each. The booking rows are locked first, so a concurrent move or cancel waits.
 * Returns how many bookings were cancelled.
 */
export async function cancelBookingsOfSlot(
  tx: Tx,
  slotId: number,
  actor: Actor,
  reason: string,
  now: Date,
): Promise<number> {
  const locked = await tx.$queryRaw<{ id: number }[]>`
    SELECT id FROM booking WHERE slot_id = ${slotId} AND status = 'confirmed' ORDER BY id FOR UPDATE`;
  for (const { id } of locked) {
    const before = await tx.booking.findUniqueOrThrow({ where: { id }, include: bookingInclude });
    const version = before.version + 1;
    const after = await tx.booking.update({
      where: { id },
      data: { status: 'cancelled', cancelledAt: now, cancelledBy: actor.type, cancelReason: reason, version },
      include: bookingInclude,
    });
    await releasePlaces(tx, slotId, before.persons);
    await enqueueNotification(tx, { bookingId: id, kind: 'cancellation', eventSeq: version });
    await cancelReminder(tx, id);
    await recordAudit(tx, {
      entityType: 'booking',
      entityId: id,
      bookingId: id,
      action: 'booking.cancelled',
      actor,
      before: auditView(before),
      after: { ...auditView(after), reason },
    });
  }
  return locked.length;
}
