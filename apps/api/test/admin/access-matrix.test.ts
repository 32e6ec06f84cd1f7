import { beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS, send, type Caller } from '../app.ts';
import { testDb } from '../db.ts';
import { createApiKey, staffAppForSuite } from '../staff-factories.ts';

type Role = 'admin' | 'staff' | 'viewer';
type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/**
 * Who may call what. Authorisation runs before validation, so an empty body is enough to tell
 * 401 and 403 apart from everything else. Ids are of rows that do not exist: other test files
 * share the database. Happy paths live in each resource's own test file.
 */
const matrix: [Method, string, Role[]][] = [
  ['GET', '/api/v1/admin/bookings', ['admin', 'staff', 'viewer']],
  ['GET', '/api/v1/admin/bookings/999999999', ['admin', 'staff', 'viewer']],
  ['POST', '/api/v1/admin/bookings', ['admin', 'staff']],
  ['PATCH', '/api/v1/admin/bookings/999999999', ['admin', 'staff']],
  ['POST', '/api/v1/admin/bookings/999999999/cancel', ['admin', 'staff']],
  ['GET', '/api/v1/admin/day-sheet?date=2030-01-01', ['admin', 'staff', 'viewer']],
  [
    'GET',
    '/api/v1/admin/reports/seva-summary?from=2030-01-01&to=2030-01-02',
    ['admin', 'staff', 'viewer'],
  ],
  ['GET', '/api/v1/admin/sevas', ['admin', 'staff', 'viewer']],
  ['GET', '/api/v1/admin/sevas/999999999', ['admin', 'staff', 'viewer']],
  ['POST', '/api/v1/admin/sevas', ['admin']],
  ['PATCH', '/api/v1/admin/sevas/999999999', ['admin']],
  ['GET', '/api/v1/admin/sevas/999999999/schedules', ['admin', 'staff', 'viewer']],
  ['POST', '/api/v1/admin/sevas/999999999/schedules', ['admin']],
  ['PATCH', '/api/v1/admin/schedules/999999999', ['admin']],
  ['GET', '/api/v1/admin/slots?from=2030-01-01&to=2030-01-02', ['admin', 'staff', 'viewer']],
  ['POST', '/api/v1/admin/slots', ['admin']],
  ['PATCH', '/api/v1/admin/slots/999999999', ['admin']],
  ['GET', '/api/v1/admin/closed-dates', ['admin', 'staff', 'viewer']],
  ['POST', '/api/v1/admin/closed-dates', ['admin']],
  ['DELETE', '/api/v1/admin/closed-dates/999999999', ['admin']],
  ['GET', '/api/v1/admin/closed-dates/impact?date=2030-01-01', ['admin']],
  ['GET', '/api/v1/admin/slots/999999999/impact', ['admin']],
  ['GET', '/api/v1/admin/notifications', ['admin', 'staff', 'viewer']],
  ['GET', '/api/v1/admin/notifications/health', ['admin', 'staff', 'viewer']],
  ['POST', '/api/v1/admin/notifications/999999999/retry', ['admin', 'staff']],
  ['GET', '/api/v1/admin/audit', ['admin', 'staff']],
  ['GET', '/api/v1/admin/users', ['admin']],
  ['POST', '/api/v1/admin/users', ['admin']],
  ['PATCH', '/api/v1/admin/users/999999999', ['admin']],
  ['POST', '/api/v1/admin/users/999999999/reset-password', ['admin']],
  ['GET', '/api/v1/admin/api-keys', ['admin']],
  ['POST', '/api/v1/admin/api-keys', ['admin']],
  ['POST', '/api/v1/admin/api-keys/999999999/revoke', ['admin']],
  ['POST', '/api/v1/admin/erasures', ['admin']],
];

/** Routes a signed-in admin may use but an admin API key may not. */
const staffSessionOnly = new Set([
  '/api/v1/admin/users',
  '/api/v1/admin/api-keys',
  '/api/v1/admin/erasures',
]);

describe('who may call which staff endpoint', () => {
  const { app, staff } = staffAppForSuite();
  let adminKey: Caller;

  beforeAll(async () => {
    adminKey = await createApiKey(testDb(), { role: 'admin', createdById: staff.admin.user.id });
  });

  const call = (method: Method, url: string, caller: Caller) =>
    send(app, method, url, caller, method === 'GET' || method === 'DELETE' ? undefined : {});

  for (const [method, url, allowed] of matrix) {
    it(`${method} ${url.split('?')[0]}: ${allowed.join(', ')}`, async () => {
      const anonymous = await call(method, url, ANONYMOUS);
      expect(anonymous.statusCode).toBe(401);
      expect(anonymous.json()).toMatchObject({ code: 'unauthorized' });
      for (const role of ['admin', 'staff', 'viewer'] as const) {
        const res = await call(method, url, staff[role]);
        if (allowed.includes(role)) {
          expect([200, 201, 204, 404, 409, 422], `${role}: ${res.body}`).toContain(res.statusCode);
        } else {
          expect(res.statusCode, role).toBe(403);
          expect(res.json()).toMatchObject({ code: 'forbidden' });
        }
      }
      const viaKey = await call(method, url, adminKey);
      const sessionOnly = [...staffSessionOnly].some((prefix) => url.startsWith(prefix));
      if (sessionOnly) expect(viaKey.statusCode).toBe(403);
      else expect(viaKey.statusCode).not.toBe(403);
    });
  }
});
