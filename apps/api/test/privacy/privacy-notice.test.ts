import { PRIVACY_NOTICE_VERSION } from '@sevabook/shared';
import { describe, expect, it } from 'vitest';
import { ANONYMOUS, send } from '../app.ts';
import { testDb } from '../db.ts';
import { createSlot, uniquePhone } from '../factories.ts';
import { createApiKey, staffAppForSuite } from '../staff-factories.ts';

describe('the privacy notice a booking was made under', () => {
  const { app, staff } = staffAppForSuite();
  const db = testDb();

  const body = (slotId: number, extra: Record<string, unknown> = {}) => ({
    slotId,
    devoteeName: 'Sharada Bhat',
    phone: uniquePhone(),
    persons: 1,
    ...extra,
  });

  it('records the version the devotee site sends with the booking, and shows it to staff', async () => {
    const slot = await createSlot(db);
    const res = await send(
      app,
      'POST',
      '/api/v1/bookings',
      ANONYMOUS,
      body(slot.id, { privacyNoticeVersion: PRIVACY_NOTICE_VERSION }),
    );
    expect(res.statusCode).toBe(201);
    const row = await db.booking.findUniqueOrThrow({ where: { reference: res.json().reference } });
    expect(row.privacyNoticeVersion).toBe(PRIVACY_NOTICE_VERSION);

    const seen = await send(app, 'GET', `/api/v1/admin/bookings/${row.id}`, staff.staff);
    expect(seen.json()).toMatchObject({ privacyNoticeVersion: PRIVACY_NOTICE_VERSION });
  });

  it('accepts a booking without it, from a third party or the counter, and records that none was shown', async () => {
    const slot = await createSlot(db);
    const { headers } = await createApiKey(db, { role: 'staff', createdById: staff.admin.user.id });
    const direct = await send(app, 'POST', '/api/v1/bookings', ANONYMOUS, body(slot.id));
    const viaKey = await send(app, 'POST', '/api/v1/admin/bookings', { headers }, body(slot.id));
    const counter = await send(app, 'POST', '/api/v1/admin/bookings', staff.staff, body(slot.id));
    expect([direct.statusCode, viaKey.statusCode, counter.statusCode]).toEqual([201, 201, 201]);

    const rows = await db.booking.findMany({ where: { slotId: slot.id }, orderBy: { id: 'asc' } });
    expect(rows.map((r) => [r.source, r.privacyNoticeVersion])).toEqual([
      ['web', null],
      ['api', null],
      ['counter', null],
    ]);
  });

  it('refuses a version that is not a short plain token, and books nothing', async () => {
    const slot = await createSlot(db);
    for (const privacyNoticeVersion of ['<b>v1</b>', 'x'.repeat(17), '', 7]) {
      const res = await send(
        app,
        'POST',
        '/api/v1/bookings',
        ANONYMOUS,
        body(slot.id, { privacyNoticeVersion }),
      );
      expect(res.statusCode, String(privacyNoticeVersion)).toBe(422);
      expect(res.json()).toMatchObject({ code: 'validation_failed' });
    }
    expect(await db.booking.count({ where: { slotId: slot.id } })).toBe(0);
  });
});
