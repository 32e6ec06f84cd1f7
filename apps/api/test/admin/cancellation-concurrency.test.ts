import { describe, expect, it } from 'vitest';
import { appForSuite } from '../app.ts';
import { testDb } from '../db.ts';
import { createBooking, createSeva, createSlot } from '../factories.ts';
import { bearerFor, buildStaffApp, createStaffUser } from '../staff-factories.ts';

describe('POST /api/v1/admin/bookings/{id}/cancel, many at once on one slot', () => {
  const app = appForSuite(() => buildStaffApp());

  it('cancels every booking without a deadlock and gives back every place', async () => {
    const db = testDb();
    const { user } = await createStaffUser(db, { role: 'staff' });
    const headers = bearerFor(user);
    const seva = await createSeva(db, { maxPersonsPerBooking: 4 });
    const slot = await createSlot(db, { sevaId: seva.id, capacity: 40 });
    const bookings = [];
    for (let i = 0; i < 12; i++) {
      bookings.push((await createBooking(db, { slotId: slot.id, persons: 1 + (i % 3) })).booking);
    }

    const results = await Promise.all(
      bookings.map((b) =>
        app.inject({
          method: 'POST',
          url: `/api/v1/admin/bookings/${b.id}/cancel`,
          headers,
          payload: { reason: 'Priest unwell' },
        }),
      ),
    );

    expect(results.map((r) => r.statusCode)).toEqual(bookings.map(() => 200));
    const after = await db.slot.findUniqueOrThrow({ where: { id: slot.id } });
    expect(after.booked).toBe(0);
    const stillConfirmed = await db.booking.count({
      where: { slotId: slot.id, status: 'confirmed' },
    });
    expect(stillConfirmed).toBe(0);
  });
});
