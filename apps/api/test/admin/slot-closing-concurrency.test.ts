import { describe, expect, it } from 'vitest';
import { appForSuite } from '../app.ts';
import { testDb } from '../db.ts';
import { createSlot, uniquePhone } from '../factories.ts';
import { bearerFor, buildStaffApp, createStaffUser } from '../staff-factories.ts';

describe('an admin closing a slot while devotees book it', () => {
  const app = appForSuite(() => buildStaffApp());

  it('leaves no confirmed booking in the closed slot, and one cancellation message per cancelled booking', async () => {
    const db = testDb();
    const { user } = await createStaffUser(db, { role: 'admin' });
    const slot = await createSlot(db, { capacity: 40 });
    const book = () =>
      app.inject({
        method: 'POST',
        url: '/api/v1/bookings',
        payload: {
          slotId: slot.id,
          devoteeName: 'Racing Devotee',
          phone: uniquePhone(),
          persons: 1,
        },
      });
    const early = await Promise.all(Array.from({ length: 5 }, book));
    expect(early.every((r) => r.statusCode === 201)).toBe(true);

    const [close, ...late] = await Promise.all([
      app.inject({
        method: 'PATCH',
        url: `/api/v1/admin/slots/${slot.id}`,
        headers: bearerFor(user),
        payload: { status: 'closed', reason: 'Priest unwell' },
      }),
      ...Array.from({ length: 15 }, book),
    ]);
    expect(close.statusCode).toBe(200);
    expect(late.every((r) => r.statusCode === 201 || r.statusCode === 409)).toBe(true);

    const after = await db.slot.findUniqueOrThrow({ where: { id: slot.id } });
    expect(after).toMatchObject({ status: 'closed', booked: 0 });
    expect(await db.booking.count({ where: { slotId: slot.id, status: 'confirmed' } })).toBe(0);
    const cancelled = await db.booking.findMany({
      where: { slotId: slot.id },
      select: { id: true },
    });
    const messages = await db.notification.count({
      where: { bookingId: { in: cancelled.map((b) => b.id) }, kind: 'cancellation' },
    });
    expect(messages).toBe(cancelled.length);
    expect(close.json<{ bookingsCancelled: number }>().bookingsCancelled).toBe(cancelled.length);
  });
});
