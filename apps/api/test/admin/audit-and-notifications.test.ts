import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../db.ts';
import { createSlot, uniquePhone } from '../factories.ts';
import { buildStaffApp, staffOfEveryRole } from '../staff-factories.ts';

type Staff = Awaited<ReturnType<typeof staffOfEveryRole>>;

describe('GET /api/v1/admin/audit and notifications', () => {
  let app: FastifyInstance;
  let staff: Staff;
  let bookingId: number;
  const db = testDb();

  beforeAll(async () => {
    app = await buildStaffApp();
    staff = await staffOfEveryRole();
    const slot = await createSlot(db);
    const made = await app.inject({
      method: 'POST',
      url: '/api/v1/bookings',
      payload: { slotId: slot.id, devoteeName: 'Online Devotee', phone: uniquePhone(), persons: 1 },
    });
    const reference = made.json<{ reference: string }>().reference;
    bookingId = (await db.booking.findUniqueOrThrow({ where: { reference } })).id;
    await app.inject({
      method: 'POST',
      url: `/api/v1/admin/bookings/${bookingId}/cancel`,
      headers: staff.staff.headers,
      payload: { reason: 'Called the office' },
    });
  });
  afterAll(() => app.close());

  it('lists a booking’s history, newest first, with who did it and the state before and after', async () => {
    const res = await app.inject({
      method: 'GET',
      url: `/api/v1/admin/audit?bookingId=${bookingId}`,
      headers: staff.staff.headers,
    });
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
      actor: { type: 'staff', label: staff.staff.user.email },
      before: { status: 'confirmed' },
      after: { status: 'cancelled' },
    });
    expect(items[1]).toMatchObject({ actor: { type: 'devotee' }, before: null });
  });

  it('is for staff and admins: a viewer gets 403, nobody 401, a bad id 422', async () => {
    expect(
      (
        await app.inject({
          method: 'GET',
          url: `/api/v1/admin/audit?bookingId=${bookingId}`,
          headers: staff.viewer.headers,
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await app.inject({ method: 'GET', url: `/api/v1/admin/audit?bookingId=${bookingId}` }))
        .statusCode,
    ).toBe(401);
    expect(
      (
        await app.inject({
          method: 'GET',
          url: '/api/v1/admin/audit?bookingId=abc',
          headers: staff.admin.headers,
        })
      ).statusCode,
    ).toBe(422);
  });

  it('lists a booking’s messages and sends a failed one again', async () => {
    const list = await app.inject({
      method: 'GET',
      url: `/api/v1/admin/notifications?bookingId=${bookingId}`,
      headers: staff.viewer.headers,
    });
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
    const failed = await app.inject({
      method: 'GET',
      url: `/api/v1/admin/notifications?status=dead&bookingId=${bookingId}`,
      headers: staff.staff.headers,
    });
    expect(failed.json<{ total: number }>().total).toBe(1);

    expect(
      (
        await app.inject({
          method: 'POST',
          url: `/api/v1/admin/notifications/${confirmation.id}/retry`,
          headers: staff.viewer.headers,
        })
      ).statusCode,
    ).toBe(403);
    const retry = await app.inject({
      method: 'POST',
      url: `/api/v1/admin/notifications/${confirmation.id}/retry`,
      headers: staff.staff.headers,
    });
    expect(retry.statusCode).toBe(200);
    expect(
      await db.notification.findUniqueOrThrow({ where: { id: confirmation.id } }),
    ).toMatchObject({ status: 'pending', attempts: 0 });
    const again = await app.inject({
      method: 'POST',
      url: `/api/v1/admin/notifications/${confirmation.id}/retry`,
      headers: staff.staff.headers,
    });
    expect(again.statusCode).toBe(409);
    expect(
      (await app.inject({ method: 'GET', url: '/api/v1/admin/notifications' })).statusCode,
    ).toBe(401);
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
