import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors.ts';
import type { NotificationStatus } from '../../src/generated/prisma/client.ts';
import {
  listNotifications,
  retryNotification,
} from '../../src/notifications/staff-notifications.ts';
import { testDb } from '../db.ts';
import { createBooking, createSlot } from '../factories.ts';

const db = testDb();

/** A booking with one outbox row per given status (no notifier runs against this database). */
async function bookingWithRows(statuses: NotificationStatus[]) {
  const slot = await createSlot(db);
  const { booking } = await createBooking(db, { slotId: slot.id });
  const rows = [];
  for (const [i, status] of statuses.entries()) {
    rows.push(
      await db.notification.create({
        data: {
          bookingId: booking.id,
          kind: 'confirmation',
          eventSeq: i + 1,
          dueAt: new Date(),
          status,
          attempts: status === 'dead' ? 10 : 1,
          lastError: status === 'failed' || status === 'dead' ? 'Twilio said no' : null,
          lastErrorCode: status === 'failed' ? '63016' : null,
        },
      }),
    );
  }
  return { booking, rows };
}

describe('listNotifications', () => {
  it('lists a booking’s messages newest first, with the booking’s reference and phone', async () => {
    const { booking, rows } = await bookingWithRows(['sent', 'failed', 'pending']);
    const page = await listNotifications(db, { bookingId: booking.id });
    expect(page.total).toBe(3);
    expect(page.items.map((i) => i.id)).toEqual(rows.map((r) => r.id).reverse());
    expect(page.items[0]!.booking).toMatchObject({
      reference: booking.reference,
      phone: booking.phone,
    });
  });

  it('filters by status (one or several) and by booking reference, and pages', async () => {
    const { booking } = await bookingWithRows(['sent', 'failed', 'dead', 'failed']);
    const failed = await listNotifications(db, { reference: booking.reference, status: 'failed' });
    expect(failed.items.map((i) => i.status)).toEqual(['failed', 'failed']);
    expect(failed.items[0]).toMatchObject({ lastErrorCode: '63016', lastError: 'Twilio said no' });
    const stuck = await listNotifications(db, {
      reference: booking.reference.toLowerCase(),
      status: ['failed', 'dead'],
    });
    expect(stuck.total).toBe(3);
    const second = await listNotifications(db, {
      reference: booking.reference,
      page: 2,
      pageSize: 3,
    });
    expect(second).toMatchObject({ total: 4, page: 2, pageSize: 3 });
    expect(second.items).toHaveLength(1);
  });
});

describe('retryNotification', () => {
  it('puts a failed or dead message back in the queue, due now, with its attempts reset', async () => {
    const { rows } = await bookingWithRows(['failed', 'dead']);
    for (const row of rows) {
      const view = await retryNotification(db, row.id);
      expect(view).toMatchObject({ id: row.id, status: 'pending', attempts: 0, providerSid: null });
      const stored = await db.notification.findUniqueOrThrow({ where: { id: row.id } });
      expect(stored.status).toBe('pending');
      expect(stored.dueAt.getTime()).toBeLessThanOrEqual(Date.now());
    }
  });

  it('refuses with 409 a message that is on its way or already sent, and leaves it alone', async () => {
    const { rows } = await bookingWithRows(['sent', 'sending', 'pending']);
    for (const row of rows) {
      const error = await retryNotification(db, row.id).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ status: 409, code: 'conflict' });
      expect((await db.notification.findUniqueOrThrow({ where: { id: row.id } })).status).toBe(
        row.status,
      );
    }
  });

  it('answers 404 for an unknown id', async () => {
    await expect(retryNotification(db, 2_000_000_000)).rejects.toMatchObject({
      status: 404,
      code: 'not_found',
    });
  });

  it('queues a message once when two staff click retry at the same moment', async () => {
    const { rows } = await bookingWithRows(['dead']);
    const results = await Promise.allSettled([
      retryNotification(db, rows[0]!.id),
      retryNotification(db, rows[0]!.id),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
  });
});
