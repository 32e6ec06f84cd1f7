import { beforeAll, describe, expect, it } from 'vitest';
import { send } from '../app.ts';
import { testDb } from '../db.ts';
import { createBooking, createSeva, createSlot, uniqueSuffix } from '../factories.ts';
import { staffAppForSuite } from '../staff-factories.ts';

describe('bulk reads of devotees’ details leave a trace', () => {
  const { app, staff } = staffAppForSuite();
  const db = testDb();
  const date = '2033-04-04';
  const name = `Vasudeva ${uniqueSuffix()}`;
  let sevaId: number;

  beforeAll(async () => {
    sevaId = (await createSeva(db)).id;
    const slot = await createSlot(db, { sevaId, startsAt: new Date(`${date}T01:00:00Z`) });
    for (let i = 0; i < 3; i++) await createBooking(db, { slotId: slot.id, devoteeName: name });
  });

  /** The newest bulk-read entry of this user. */
  async function lastReadBy(userId: number) {
    return db.auditEntry.findFirstOrThrow({
      where: { entityType: 'personal_data', actorId: userId },
      orderBy: { id: 'desc' },
    });
  }

  it('records who searched bookings, when, with which filters and how many rows, never the search text', async () => {
    const res = await send(
      app,
      'GET',
      `/api/v1/admin/bookings?q=${encodeURIComponent(name)}&sevaId=${sevaId}`,
      staff.viewer,
    );
    expect(res.json().items).toHaveLength(3);
    const entry = await lastReadBy(staff.viewer.user.id);
    expect(entry).toMatchObject({
      action: 'bookings.searched',
      actorType: 'staff',
      actorLabel: staff.viewer.user.email,
      entityId: 0,
      bookingId: null,
    });
    expect(JSON.parse(entry.after!)).toMatchObject({
      rows: 3,
      filters: { sevaId, q: '(text search)', page: 1 },
    });
    expect(entry.after).not.toContain(name.split(' ')[1]);
  });

  it('records each read and export of the day sheet with the rows it held', async () => {
    const url = `/api/v1/admin/day-sheet?date=${date}&sevaId=${sevaId}`;
    await send(app, 'GET', url, staff.staff);
    const read = await lastReadBy(staff.staff.user.id);
    await app.inject({ url, headers: { ...staff.staff.headers, accept: 'text/csv' } });
    const exported = await lastReadBy(staff.staff.user.id);

    expect([read.action, exported.action]).toEqual(['day_sheet.read', 'day_sheet.exported']);
    for (const entry of [read, exported]) {
      expect(JSON.parse(entry.after!)).toEqual({
        rows: 3,
        filters: { date, sevaId, includeCancelled: false },
      });
      expect(entry.after).not.toContain('Vasudeva');
    }
  });

  it('lists the traces to admins under the personal_data kind of the audit log', async () => {
    const res = await send(app, 'GET', '/api/v1/admin/audit?entityType=personal_data', staff.admin);
    expect(res.statusCode).toBe(200);
    const actions = res.json<{ items: { action: string }[] }>().items.map((i) => i.action);
    expect(actions).toContain('day_sheet.exported');
  });
});
