import type { Tx } from '../db/client.ts';
import { executeIn, insertOutboxRows, type OutboxEvent } from '../db/event-rows.ts';
import type { NotificationKind } from '../generated/prisma/client.ts';

/** The reminder goes out this long before the seva starts. */
export const REMINDER_LEAD_MS = 24 * 60 * 60 * 1000;

/**
 * Writes outbox rows inside the booking's own transaction: if the booking commits, its message
 * is certain to be sent; if it rolls back, no message exists. The notifier does the sending.
 * The unique (booking, kind, channel, event_seq) index makes a repeated event a no-op.
 */
export async function enqueueNotification(
  tx: Tx,
  event: {
    bookingId: number;
    kind: Exclude<NotificationKind, 'reminder'>;
    eventSeq: number;
    /** Now unless given: a staff cancellation's message waits out the time to undo it. */
    dueAt?: Date | undefined;
  },
): Promise<void> {
  const { bookingId, kind, eventSeq, dueAt = new Date() } = event;
  await executeIn(tx, insertOutboxRows(bookingId, [{ kind, eventSeq, dueAt }]));
}

/**
 * A new booking's outbox rows: the confirmation, due now, and the reminder, unless the seva is
 * less than a day away. The booking transaction writes them (bookings/pipelined-booking.ts).
 */
export function newBookingEvents(startsAt: Date, now: Date): OutboxEvent[] {
  const reminderDue = new Date(startsAt.getTime() - REMINDER_LEAD_MS);
  return [
    { kind: 'confirmation', eventSeq: 1, dueAt: now },
    ...(reminderDue > now ? [{ kind: 'reminder' as const, eventSeq: 0, dueAt: reminderDue }] : []),
  ];
}

/** Schedules (or moves) the one reminder of a booking; none when the seva is less than a day away. */
export async function scheduleReminder(
  tx: Tx,
  bookingId: number,
  startsAt: Date,
  now: Date,
): Promise<void> {
  const dueAt = new Date(startsAt.getTime() - REMINDER_LEAD_MS);
  const existing = await tx.notification.findFirst({
    where: { bookingId, kind: 'reminder', channel: 'whatsapp', eventSeq: 0 },
  });
  if (dueAt <= now) {
    if (existing?.status === 'pending') await cancelReminder(tx, bookingId);
    return;
  }
  if (!existing) {
    await executeIn(tx, insertOutboxRows(bookingId, [{ kind: 'reminder', eventSeq: 0, dueAt }]));
  } else if (existing.status === 'pending' || existing.status === 'cancelled') {
    await tx.notification.update({
      where: { id: existing.id },
      data: { dueAt, status: 'pending' },
    });
  }
}

/** A cancelled booking's reminder must never go out. */
export async function cancelReminder(tx: Tx, bookingId: number): Promise<void> {
  await tx.notification.updateMany({
    where: { bookingId, kind: 'reminder', status: 'pending' },
    data: { status: 'cancelled' },
  });
}
