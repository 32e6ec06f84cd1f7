import { describe, expect, it } from 'vitest';
import type { Actor } from '../../src/audit/audit-log.ts';
import { cancelBooking } from '../../src/bookings/cancel-booking.ts';
import { restoreBooking } from '../../src/bookings/restore-booking.ts';
import { book, eventually, harnessForSuite, rowsOf, tokens } from './notifier-harness.ts';

const h = harnessForSuite();
const lakshmi: Actor = { type: 'staff', id: 1, label: 'Lakshmi' };
const deps = () => ({ database: h.database, timeZone: 'Asia/Kolkata', tokens });

/** Staff cancel, as the day view does: the message waits `holdMessageMs`. */
function staffCancel(bookingId: number, holdMessageMs: number) {
  return cancelBooking(deps(), bookingId, {
    actor: lakshmi,
    reason: 'Devotee phoned',
    enforceCutOff: false,
    holdMessageMs,
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('what the devotee hears when staff undo a cancellation', { timeout: 60_000 }, () => {
  it('within the undo window: nothing at all, even once the window has passed', async () => {
    const notifier = h.notifier();
    notifier.start();
    const booking = await book(h.database);
    await eventually(() => expect(h.fake.messagesTo(booking.phone)).toHaveLength(1));

    await staffCancel(booking.id, 1_500);
    const restored = await restoreBooking(deps(), booking.id, lakshmi);
    expect(restored.cancellationWithdrawn).toBe(true);
    await sleep(2_500);
    await notifier.stop();

    const messages = h.fake.messagesTo(booking.phone);
    expect(messages).toHaveLength(1);
    expect(messages[0]!.body).toContain('is confirmed');
    const rows = await rowsOf(h.db, [booking.id]);
    expect(rows.filter((r) => r.kind === 'cancellation').map((r) => r.status)).toEqual([
      'cancelled',
    ]);
  });

  it('after the window, once the cancellation went out: a change message with the same reference says it stands', async () => {
    const notifier = h.notifier();
    notifier.start();
    const booking = await book(h.database);
    await staffCancel(booking.id, 200);
    await eventually(() => expect(h.fake.messagesTo(booking.phone)).toHaveLength(2));

    const restored = await restoreBooking(deps(), booking.id, lakshmi);
    expect(restored.cancellationWithdrawn).toBe(false);
    expect(restored.booking.reference).toBe(booking.reference);
    const messages = await eventually(() => {
      const sent = h.fake.messagesTo(booking.phone);
      expect(sent).toHaveLength(3);
      return sent;
    });
    await notifier.stop();

    expect(messages[1]!.body).toContain('has been cancelled');
    expect(messages[2]!.body).toContain('Your booking has changed');
    expect(messages[2]!.body).toContain(booking.reference);
  });
});
