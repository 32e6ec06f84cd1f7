import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { send } from '../app.ts';
import { testDb } from '../db.ts';
import { createBooking, createSeva, createSlot, uniquePhone } from '../factories.ts';
import { staffAppForSuite } from '../staff-factories.ts';

const HOUR = 3_600_000;

describe('no-shows and the no-show limit', () => {
  const { app, staff } = staffAppForSuite();
  const db = testDb();
  const repeat = uniquePhone();
  let sevaId: number;
  /** Temple dates around the ended slots, for the report. */
  const from = new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10);
  const to = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);

  /** An ended slot (30-minute seva) where one booking was checked in and `phone` did not come. */
  async function endedSlotMissedBy(phone: string, hoursAgo: number) {
    const startsAt = new Date(Date.now() - hoursAgo * HOUR);
    startsAt.setUTCSeconds(0, 0);
    const slot = await createSlot(db, { sevaId, startsAt, capacity: 10 });
    const { booking: came } = await createBooking(db, { slotId: slot.id });
    await db.booking.update({ where: { id: came.id }, data: { arrivedAt: startsAt } });
    await createBooking(db, { slotId: slot.id, phone, devoteeName: 'Ravi Kumar' });
    return slot;
  }

  beforeAll(async () => {
    sevaId = (await createSeva(db, { nameEn: `No-show seva ${Date.now()}` })).id;
    await endedSlotMissedBy(repeat, 5);
    await endedSlotMissedBy(repeat, 30);
    // A slot nobody was checked in at: the gate was not checking it, so no no-shows there.
    const unchecked = await createSlot(db, { sevaId, startsAt: new Date(Date.now() - 50 * HOUR) });
    await createBooking(db, { slotId: unchecked.id, phone: repeat });
    // A slot not yet ended: its bookings may still come.
    const later = await createSlot(db, { sevaId, startsAt: new Date(Date.now() - 10 * 60_000) });
    const { booking } = await createBooking(db, { slotId: later.id });
    await db.booking.update({ where: { id: booking.id }, data: { arrivedAt: new Date() } });
    await createBooking(db, { slotId: later.id, phone: repeat });
  });

  afterAll(async () => {
    await send(app, 'PUT', '/api/v1/admin/settings', staff.admin, {
      noShowLimit: 0,
      noShowWindowDays: 90,
    });
  });

  it('counts no-shows per seva and lists phones with repeated ones, masked for viewers', async () => {
    const res = await send(app, 'GET', `/api/v1/admin/no-shows?from=${from}&to=${to}`, staff.staff);
    expect(res.statusCode).toBe(200);
    const report = res.json();
    const seva = report.sevas.find((s: { sevaId: number }) => s.sevaId === sevaId);
    expect(seva).toMatchObject({ expected: 4, arrived: 2, noShows: 2 });
    expect(report.phones).toContainEqual(
      expect.objectContaining({ phone: repeat, noShows: 2, devoteeName: 'Ravi Kumar' }),
    );

    const viewer = await send(
      app,
      'GET',
      `/api/v1/admin/no-shows?from=${from}&to=${to}`,
      staff.viewer,
    );
    const phones = viewer.json<{ phones: { phone: string }[] }>().phones.map((p) => p.phone);
    expect(phones).not.toContain(repeat);
    expect(phones.some((p) => p.includes('•'))).toBe(true);
    const audit = await db.auditEntry.count({
      where: { action: 'no_shows.read', actorId: staff.viewer.user.id },
    });
    expect(audit).toBe(1);
  });

  it('lets only admins change the no-show limit, and keeps it', async () => {
    const body = { noShowLimit: 2, noShowWindowDays: 30 };
    expect((await send(app, 'PUT', '/api/v1/admin/settings', staff.staff, body)).statusCode).toBe(
      403,
    );
    const bad = await send(app, 'PUT', '/api/v1/admin/settings', staff.admin, {
      noShowLimit: -1,
      noShowWindowDays: 30,
    });
    expect(bad.statusCode).toBe(422);
    const put = await send(app, 'PUT', '/api/v1/admin/settings', staff.admin, body);
    expect(put.statusCode).toBe(200);
    expect((await send(app, 'GET', '/api/v1/admin/settings', staff.viewer)).json()).toEqual(body);
    const rows = await db.templeSetting.findMany({ where: { name: { startsWith: 'no_show' } } });
    expect(Object.fromEntries(rows.map((r) => [r.name, r.value]))).toEqual({
      no_show_limit: '2',
      no_show_window_days: '30',
    });
  });

  it('refuses a devotee-site booking for a phone at the limit, but not the counter or other phones', async () => {
    await send(app, 'PUT', '/api/v1/admin/settings', staff.admin, {
      noShowLimit: 2,
      noShowWindowDays: 90,
    });
    const slot = await createSlot(db, { sevaId, capacity: 10 });
    const body = (phone: string) => ({
      slotId: slot.id,
      devoteeName: 'Ravi Kumar',
      phone,
      persons: 1,
    });

    const refused = await send(app, 'POST', '/api/v1/bookings', { headers: {} }, body(repeat));
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'too_many_no_shows' });
    expect(await db.booking.count({ where: { slotId: slot.id } })).toBe(0);

    const other = await send(app, 'POST', '/api/v1/bookings', { headers: {} }, body(uniquePhone()));
    expect(other.statusCode).toBe(201);
    const counter = await send(app, 'POST', '/api/v1/admin/bookings', staff.staff, body(repeat));
    expect(counter.statusCode).toBe(201);
    expect(await db.booking.count({ where: { slotId: slot.id, phone: repeat } })).toBe(1);
  });

  it('stops refusing once the limit is off or the no-shows fall out of the window', async () => {
    const slot = await createSlot(db, { sevaId, capacity: 10 });
    const body = { slotId: slot.id, devoteeName: 'Ravi Kumar', phone: repeat, persons: 1 };
    // 24 hours back holds one of the two no-shows (5 h ago); the other was 30 h ago.
    await send(app, 'PUT', '/api/v1/admin/settings', staff.admin, {
      noShowLimit: 2,
      noShowWindowDays: 1,
    });
    expect((await send(app, 'POST', '/api/v1/bookings', { headers: {} }, body)).statusCode).toBe(
      201,
    );
  });
});
