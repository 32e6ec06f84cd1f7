import { beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS, send, statusOf } from '../app.ts';
import { testDb } from '../db.ts';
import { createSlot, uniquePhone } from '../factories.ts';
import { buildStaffApp, staffAppForSuite } from '../staff-factories.ts';

describe('GET /api/v1/admin/audit and notifications', () => {
  const { app, staff } = staffAppForSuite();
  let bookingId: number;
  const db = testDb();

  beforeAll(async () => {
    const slot = await createSlot(db);
    const made = await send(app, 'POST', '/api/v1/bookings', ANONYMOUS, {
      slotId: slot.id,
      devoteeName: 'Online Devotee',
      phone: uniquePhone(),
      persons: 1,
    });
    const reference = made.json<{ reference: string }>().reference;
    bookingId = (await db.booking.findUniqueOrThrow({ where: { reference } })).id;
    await send(app, 'POST', `/api/v1/admin/bookings/${bookingId}/cancel`, staff.staff, {
      reason: 'Called the office',
    });
  });

  it('lists a booking’s history, newest first, with who did it and the state before and after', async () => {
    const res = await send(app, 'GET', `/api/v1/admin/audit?bookingId=${bookingId}`, staff.staff);
    expect(res.statusCode).toBe(200);
    const { items, total } = res.json<{
      items: {
        action: string;
        actor: { type: string; label: string };
        before: unknown;
        after: { status: string };
      }[];
      total: number;
    }>();
    expect(total).toBe(2);
    expect(items.map((i) => i.action)).toEqual(['booking.cancelled', 'booking.created']);
    expect(items[0]).toMatchObject({
      actor: { type: 'staff', label: staff.staff.user.name },
      before: { status: 'confirmed' },
      after: { status: 'cancelled' },
    });
    expect(items[1]).toMatchObject({ actor: { type: 'devotee' }, before: null });
  });

  it('is for staff and admins: a viewer gets 403, nobody 401, a bad id 422', async () => {
    const url = `/api/v1/admin/audit?bookingId=${bookingId}`;
    expect(await statusOf(app, 'GET', url, staff.viewer)).toBe(403);
    expect(await statusOf(app, 'GET', url, ANONYMOUS)).toBe(401);
    expect(await statusOf(app, 'GET', '/api/v1/admin/audit?bookingId=abc', staff.admin)).toBe(422);
  });

  it('lists a booking’s messages and sends a failed one again', async () => {
    const notifications = '/api/v1/admin/notifications';
    const list = await send(app, 'GET', `${notifications}?bookingId=${bookingId}`, staff.viewer);
    expect(list.statusCode).toBe(200);
    const kinds = list
      .json<{ items: { kind: string }[] }>()
      .items.map((n) => n.kind)
      .sort();
    expect(kinds).toContain('confirmation');
    expect(kinds).toContain('cancellation');

    const confirmation = await db.notification.findFirstOrThrow({
      where: { bookingId, kind: 'confirmation' },
    });
    await db.notification.update({
      where: { id: confirmation.id },
      data: { status: 'dead', attempts: 8, lastError: 'Twilio 63016' },
    });
    const failed = await send(
      app,
      'GET',
      `${notifications}?status=dead&bookingId=${bookingId}`,
      staff.staff,
    );
    expect(failed.json<{ total: number }>().total).toBe(1);

    const retry = `${notifications}/${confirmation.id}/retry`;
    expect(await statusOf(app, 'POST', retry, staff.viewer)).toBe(403);
    expect(await statusOf(app, 'POST', retry, staff.staff)).toBe(200);
    expect(
      await db.notification.findUniqueOrThrow({ where: { id: confirmation.id } }),
    ).toMatchObject({ status: 'pending', attempts: 0 });
    expect(await statusOf(app, 'POST', retry, staff.staff)).toBe(409);
    expect(await statusOf(app, 'GET', notifications, ANONYMOUS)).toBe(401);
  });
});

describe('the OpenAPI document', () => {
  it('shows every staff endpoint with its security scheme', async () => {
    const app = await buildStaffApp();
    try {
      const res = await app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
      const doc = res.json<{
        paths: Record<string, Record<string, { security?: Record<string, string[]>[] }>>;
      }>();
      const expected: [string, string, string][] = [
        ['get', '/api/v1/admin/bookings', 'bearerAuth'],
        ['post', '/api/v1/admin/bookings', 'apiKey'],
        ['patch', '/api/v1/admin/bookings/{id}', 'bearerAuth'],
        ['post', '/api/v1/admin/bookings/{id}/cancel', 'bearerAuth'],
        ['get', '/api/v1/admin/day-sheet', 'bearerAuth'],
        ['get', '/api/v1/admin/reports/seva-summary', 'bearerAuth'],
        ['post', '/api/v1/admin/sevas', 'bearerAuth'],
        ['patch', '/api/v1/admin/schedules/{id}', 'bearerAuth'],
        ['post', '/api/v1/admin/sevas/{sevaId}/schedules', 'bearerAuth'],
        ['patch', '/api/v1/admin/slots/{id}', 'bearerAuth'],
        ['post', '/api/v1/admin/closed-dates', 'bearerAuth'],
        ['get', '/api/v1/admin/notifications', 'bearerAuth'],
        ['post', '/api/v1/admin/notifications/{id}/retry', 'bearerAuth'],
        ['get', '/api/v1/admin/audit', 'bearerAuth'],
        ['post', '/api/v1/admin/users', 'bearerAuth'],
        ['post', '/api/v1/admin/api-keys', 'bearerAuth'],
        ['get', '/api/v1/auth/me', 'bearerAuth'],
      ];
      for (const [method, path, scheme] of expected) {
        const op = doc.paths[path]?.[method];
        expect(op, `${method} ${path}`).toBeDefined();
        expect(
          op!.security?.some((s) => scheme in s),
          `${method} ${path} security`,
        ).toBe(true);
      }
      expect(doc.paths['/api/v1/auth/login']?.post).toBeDefined();
      // Staff accounts and API keys take no API key.
      expect(doc.paths['/api/v1/admin/users']?.get?.security).toEqual([{ bearerAuth: [] }]);
    } finally {
      await app.close();
    }
  });
});
