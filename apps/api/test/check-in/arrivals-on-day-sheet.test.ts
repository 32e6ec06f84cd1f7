import { describe, expect, it } from 'vitest';
import { send } from '../app.ts';
import { testDb } from '../db.ts';
import { createBooking, createSeva, createSlot } from '../factories.ts';
import { staffAppForSuite } from '../staff-factories.ts';

describe('arrivals on the day sheet', () => {
  const { app, staff } = staffAppForSuite();
  const db = testDb();

  it('shows each booking’s arrival (time, by whom) and each slot’s arrived of expected', async () => {
    const date = '2032-05-11';
    const seva = await createSeva(db);
    const slot = await createSlot(db, { sevaId: seva.id, startsAt: new Date(`${date}T01:00:00Z`) });
    const { booking: came } = await createBooking(db, { slotId: slot.id, persons: 3 });
    await createBooking(db, { slotId: slot.id, persons: 2 });
    await createBooking(db, { slotId: slot.id, status: 'cancelled' });
    const view = await send(app, 'GET', `/api/v1/admin/bookings/${came.id}`, staff.staff);
    // Checked in from its QR, the day before at 06:22 temple time (anyway: another day).
    const scan = await send(app, 'POST', '/api/v1/admin/check-ins', staff.staff, {
      code: view.json<{ checkInCode: string }>().checkInCode,
      anyway: true,
    });
    expect(scan.json()).toMatchObject({ outcome: 'checked_in' });
    const arrivedAt = new Date(`${date}T00:52:00Z`);
    await db.booking.update({ where: { id: came.id }, data: { arrivedAt } });

    const res = await send(
      app,
      'GET',
      `/api/v1/admin/day-sheet?date=${date}&sevaId=${seva.id}&includeCancelled=true`,
      staff.viewer,
    );
    expect(res.statusCode).toBe(200);
    const [sheetSlot] = res.json().slots;
    expect(sheetSlot.arrivals).toEqual({
      bookings: 1,
      persons: 3,
      expectedBookings: 2,
      expectedPersons: 5,
    });
    const arrived = sheetSlot.bookings.find((b: { id: number }) => b.id === came.id);
    expect(arrived).toMatchObject({
      arrivedAt: arrivedAt.toISOString(),
      arrivedTime: '06:22',
      arrivedBy: staff.staff.user.name,
    });
    const csv = await app.inject({
      method: 'GET',
      url: `/api/v1/admin/day-sheet?date=${date}&sevaId=${seva.id}`,
      headers: { ...staff.staff.headers, accept: 'text/csv' },
    });
    expect(csv.body).toContain(`06:22,${staff.staff.user.name}`);
  });
});
