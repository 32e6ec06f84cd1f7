import { describe, expect, it } from 'vitest';
import { send } from '../app.ts';
import { testDb } from '../db.ts';
import { newSevaBody } from '../factories.ts';
import { staffAppForSuite } from '../staff-factories.ts';

describe('a seva’s payment mode and refund policy, as admins set them', () => {
  const { app, staff } = staffAppForSuite();
  const db = testDb();

  it('are paid at the counter and refunded until 24 hours before, unless said otherwise', async () => {
    const res = await send(app, 'POST', '/api/v1/admin/sevas', staff.admin, newSevaBody());
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ paymentMode: 'counter', refundFullHoursBefore: 24 });
  });

  it('are changed by PATCH, audited, and kept', async () => {
    const created = await send(app, 'POST', '/api/v1/admin/sevas', staff.admin, newSevaBody());
    const { id } = created.json<{ id: number }>();
    const res = await send(app, 'PATCH', `/api/v1/admin/sevas/${id}`, staff.admin, {
      paymentMode: 'online_or_counter',
      refundFullHoursBefore: 48,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      paymentMode: 'online_or_counter',
      refundFullHoursBefore: 48,
    });
    expect(await db.seva.findUniqueOrThrow({ where: { id } })).toMatchObject({
      paymentMode: 'online_or_counter',
      refundFullHoursBefore: 48,
    });
    const audit = await db.auditEntry.findFirstOrThrow({
      where: { entityType: 'seva', entityId: id, action: 'seva.updated' },
    });
    expect(audit.after).toContain('"refundFullHoursBefore":48');
  });

  it('refuses an unknown mode or negative hours, changing nothing', async () => {
    const created = await send(app, 'POST', '/api/v1/admin/sevas', staff.admin, newSevaBody());
    const { id } = created.json<{ id: number }>();
    for (const body of [{ paymentMode: 'cheque' }, { refundFullHoursBefore: -1 }]) {
      const res = await send(app, 'PATCH', `/api/v1/admin/sevas/${id}`, staff.admin, body);
      expect(res.statusCode).toBe(422);
    }
    expect(await db.seva.findUniqueOrThrow({ where: { id } })).toMatchObject({
      paymentMode: 'counter',
      refundFullHoursBefore: 24,
    });
  });
});
