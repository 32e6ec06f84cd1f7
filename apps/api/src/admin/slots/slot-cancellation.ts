import type { Tx } from '../../db/client.ts';
import type { Actor } from '../../audit/audit-log.ts';
import { bookingInclude } from '../../bookings/booking-dto.ts';
import { cancelLockedBooking } from '../../bookings/cancel-booking.ts';
import { closeWaitlistOfSlot } from '../../waitlist/leave-waitlist.ts';

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
  // Waiting devotees first, so the places the cancellations free are offered to no one.
  await closeWaitlistOfSlot(tx, slotId, now);
  const locked = await tx.$queryRaw<{ id: number }[]>`
    SELECT id FROM booking WHERE slot_id = ${slotId} AND status = 'confirmed' ORDER BY id FOR UPDATE`;
  for (const { id } of locked) {
    const booking = await tx.booking.findUniqueOrThrow({ where: { id }, include: bookingInclude });
    // The temple cancelled: every payment is refunded in full, whatever the seva's policy.
    await cancelLockedBooking(tx, booking, actor, reason, now, { refund: true });
  }
  return locked.length;
}
