import type { Tx } from '../db/client.ts';

/**
 * Razorpay webhook events already handled, by X-Razorpay-Event-Id. Razorpay delivers an event
 * at least once, and retries it when the answer is slow: each event's row is written in the
 * same transaction as its effect, so a redelivery finds it and does nothing, and an effect that
 * rolled back leaves no row (the redelivery then does the work).
 */

export interface RazorpayEventRow {
  id: string;
  name: string;
}

/**
 * Records the event in the caller's transaction; false when it was handled before. Two
 * deliveries at once: the second waits on the first's row lock, then its INSERT IGNORE finds
 * the row and inserts nothing.
 */
export async function claimEvent(tx: Tx, event: RazorpayEventRow, at: Date): Promise<boolean> {
  const inserted = await tx.$executeRaw`
    INSERT IGNORE INTO razorpay_event (event_id, event, received_at)
    VALUES (${event.id}, ${event.name.slice(0, 40)}, ${at})`;
  return inserted === 1;
}
