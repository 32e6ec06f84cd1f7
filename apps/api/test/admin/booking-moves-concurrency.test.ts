import { describe, expect, it } from 'vitest';
import { appForSuite } from '../app.ts';
import { testDb } from '../db.ts';
import { createBooking, createSeva, createSlot, uniquePhone } from '../factories.ts';
import { bearerFor, buildStaffApp, createStaffUser } from '../staff-factories.ts';

describe('staff moving bookings into a slot while devotees book it', () => {
  const app = appForSuite(() => buildStaffApp());

  it('never oversells the slot, and every place is accounted for', async () => {
    const db = testDb();
    const { user } = await createStaffUser(db, { role: 'staff' });
    const headers = bearerFor(user);
    const seva = await createSeva(db, { maxPersonsPerBooking: 2 });
    const target = await createSlot(db, { sevaId: seva.id, capacity: 10 });
    const sources = await Promise.all(
      Array.from({ length: 4 }, () => createSlot(db, { sevaId: seva.id, capacity: 20 })),
    );
    const toMove = [];
    for (const [i, s] of sources.entries()) {
      for (let j = 0; j < 4; j++)
        toMove.push(
          (await createBooking(db, { slotId: s.id, persons: 1 + ((i + j) % 2) })).booking,
        );
    }

    const moves = toMove.map((b) =>
      app.inject({
        method: 'PATCH',
        url: `/api/v1/admin/bookings/${b.id}`,
        headers,
        payload: { slotId: target.id },
      }),
    );
    const bookings = Array.from({ length: 16 }, () =>
      app.inject({
        method: 'POST',
        url: '/api/v1/bookings',
        payload: {
          slotId: target.id,
          devoteeName: 'Racing Devotee',
          phone: uniquePhone(),
          persons: 1,
        },
      }),
    );
    const results = await Promise.all([...moves, ...bookings]);
    const codes = results.map((r) => r.statusCode);
    expect(codes.every((c) => [200, 201, 409].includes(c))).toBe(true);
    expect(codes.filter((c) => c === 409).length).toBeGreaterThan(0);

    const slot = await db.slot.findUniqueOrThrow({ where: { id: target.id } });
    expect(slot.booked).toBeLessThanOrEqual(slot.capacity);
    const confirmed = await db.booking.aggregate({
      where: { slotId: target.id, status: 'confirmed' },
      _sum: { persons: true },
    });
    expect(confirmed._sum.persons ?? 0).toBe(slot.booked);
    for (const source of sources) {
      const s = await db.slot.findUniqueOrThrow({ where: { id: source.id } });
      const sum = await db.booking.aggregate({
        where: { slotId: source.id, status: 'confirmed' },
        _sum: { persons: true },
      });
      expect(sum._sum.persons ?? 0).toBe(s.booked);
    }
  });
});
