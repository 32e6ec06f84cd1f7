import { templeDateTimeToUtc } from '@sevabook/shared';
import { describe, expect, it } from 'vitest';
import { send } from '../app.ts';
import { testDb } from '../db.ts';
import { createBooking, createSeva, createSlot } from '../factories.ts';
import { staffAppForSuite } from '../staff-factories.ts';

describe('GET /api/v1/admin/audit', () => {
  const { app, staff } = staffAppForSuite();
  const db = testDb();

  it('names staff by name and comes with the slots its entries name, in temple time, so a move reads as times', async () => {
    const seva = await createSeva(db, { nameEn: 'Archana', nameKn: 'ಅರ್ಚನೆ' });
    const at = (time: string) =>
      createSlot(db, {
        sevaId: seva.id,
        startsAt: templeDateTimeToUtc('2032-03-05', time, 'Asia/Kolkata'),
      });
    const seven = await at('07:00');
    const halfPastEight = await at('08:30');
    const { booking } = await createBooking(db, { slotId: seven.id });
    const moved = await send(app, 'PATCH', `/api/v1/admin/bookings/${booking.id}`, staff.staff, {
      slotId: halfPastEight.id,
    });
    expect(moved.statusCode).toBe(200);

    const res = await send(app, 'GET', `/api/v1/admin/audit?bookingId=${booking.id}`, staff.staff);
    expect(res.statusCode).toBe(200);
    const page = res.json<{
      items: { action: string; actor: { type: string; label: string } }[];
      slots: unknown[];
    }>();
    const move = page.items.find((e) => e.action === 'booking.moved');
    // Named as colleagues know them, not by the sign-in email.
    expect(move?.actor).toMatchObject({ type: 'staff', label: staff.staff.user.name });
    expect(page.slots).toEqual(
      expect.arrayContaining([
        {
          id: seven.id,
          date: '2032-03-05',
          time: '07:00',
          sevaName: { en: 'Archana', kn: 'ಅರ್ಚನೆ' },
        },
        {
          id: halfPastEight.id,
          date: '2032-03-05',
          time: '08:30',
          sevaName: { en: 'Archana', kn: 'ಅರ್ಚನೆ' },
        },
      ]),
    );
  });
});
