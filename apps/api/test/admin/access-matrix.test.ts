import { randomInt } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS, send, type Caller } from '../app.ts';
import { testDb } from '../db.ts';
import { endpointsOf, type OpenApiDocument } from '../fuzz/openapi-requests.ts';
import { SignInCodeHasher } from '../../src/my-bookings/sign-in-codes.ts';
import { createApiKey, staffAppForSuite, TEST_JWT_SECRET } from '../staff-factories.ts';

type Role = 'admin' | 'staff' | 'viewer';
type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

interface AccessRule {
  roles: Role[];
  /** A query string the route needs before it looks at who is asking. */
  query?: string;
  /** A signed-in admin may, an admin API key may not. */
  sessionOnly?: boolean;
}

const everyone: Role[] = ['admin', 'staff', 'viewer'];
const desk: Role[] = ['admin', 'staff'];
const admins: Role[] = ['admin'];

/**
 * Who may call each staff operation, keyed as the served OpenAPI document names it. The first
 * test compares this table with the document, so a new route under /api/v1/admin fails until it
 * has a rule here. Authorisation runs before validation, so an empty body is enough to tell 401
 * and 403 apart from everything else. Path parameters are ids of rows that do not exist: other
 * test files share the database. Happy paths live in each resource's own test file.
 */
const rules: Record<string, AccessRule> = {
  'GET /api/v1/admin/bookings': { roles: everyone },
  'GET /api/v1/admin/bookings/{id}': { roles: everyone },
  'POST /api/v1/admin/bookings': { roles: desk },
  'PATCH /api/v1/admin/bookings/{id}': { roles: desk },
  'POST /api/v1/admin/bookings/{id}/cancel': { roles: desk },
  'POST /api/v1/admin/bookings/{id}/restore': { roles: desk },
  'GET /api/v1/admin/day-sheet': { roles: everyone, query: 'date=2030-01-01' },
  'GET /api/v1/admin/reports/seva-summary': {
    roles: everyone,
    query: 'from=2030-01-01&to=2030-01-02',
  },
  'GET /api/v1/admin/sevas': { roles: everyone },
  'GET /api/v1/admin/sevas/{id}': { roles: everyone },
  'POST /api/v1/admin/sevas': { roles: admins },
  'PATCH /api/v1/admin/sevas/{id}': { roles: admins },
  'GET /api/v1/admin/sevas/{sevaId}/schedules': { roles: everyone },
  'POST /api/v1/admin/sevas/{sevaId}/schedules': { roles: admins },
  'PATCH /api/v1/admin/schedules/{id}': { roles: admins },
  'GET /api/v1/admin/slots': { roles: everyone, query: 'from=2030-01-01&to=2030-01-02' },
  'POST /api/v1/admin/slots': { roles: admins },
  'PATCH /api/v1/admin/slots/{id}': { roles: admins },
  'GET /api/v1/admin/closed-dates': { roles: everyone },
  'POST /api/v1/admin/closed-dates': { roles: admins },
  'DELETE /api/v1/admin/closed-dates/{id}': { roles: admins },
  'GET /api/v1/admin/closed-dates/impact': { roles: admins, query: 'date=2030-01-01' },
  'GET /api/v1/admin/slots/{id}/impact': { roles: admins },
  'GET /api/v1/admin/notifications': { roles: everyone },
  'GET /api/v1/admin/notifications/health': { roles: everyone },
  'POST /api/v1/admin/notifications/{id}/retry': { roles: desk },
  'GET /api/v1/admin/audit': { roles: desk },
  'GET /api/v1/admin/users': { roles: admins, sessionOnly: true },
  'POST /api/v1/admin/users': { roles: admins, sessionOnly: true },
  'PATCH /api/v1/admin/users/{id}': { roles: admins, sessionOnly: true },
  'POST /api/v1/admin/users/{id}/reset-password': { roles: admins, sessionOnly: true },
  'GET /api/v1/admin/api-keys': { roles: admins, sessionOnly: true },
  'POST /api/v1/admin/api-keys': { roles: admins, sessionOnly: true },
  'POST /api/v1/admin/api-keys/{id}/revoke': { roles: admins, sessionOnly: true },
  'POST /api/v1/admin/erasures': { roles: admins, sessionOnly: true },
  'POST /api/v1/admin/bookings/{id}/payments': { roles: desk },
  'GET /api/v1/admin/refunds': { roles: everyone },
  'POST /api/v1/admin/refunds/{id}/paid-out': { roles: desk },
  'POST /api/v1/admin/refunds/{id}/retry': { roles: desk },
  'GET /api/v1/admin/collections': { roles: everyone, query: 'from=2030-01-01&to=2030-01-02' },
  'GET /api/v1/admin/collections/reconciliation': {
    roles: everyone,
    query: 'from=2030-01-01&to=2030-01-02',
  },
  'POST /api/v1/admin/check-ins': { roles: desk },
  'GET /api/v1/admin/no-shows': { roles: everyone, query: 'from=2030-01-01&to=2030-01-02' },
  'GET /api/v1/admin/settings': { roles: everyone },
  'PUT /api/v1/admin/settings': { roles: admins },
  'GET /api/v1/admin/slots/{slotId}/waitlist': { roles: everyone },
  'POST /api/v1/admin/waitlist/{id}/offer': { roles: desk },
  'DELETE /api/v1/admin/waitlist/{id}': { roles: desk },
};

/** The request a rule's operation is called with: made-up ids, and the query it needs. */
function requestFor(operation: string): { method: Method; url: string } {
  const [method, path] = operation.split(' ') as [Method, string];
  const query = rules[operation]?.query;
  const url = path.replace(/\{[^}]+\}/g, '999999999') + (query ? `?${query}` : '');
  return { method, url };
}

describe('who may call which staff endpoint', () => {
  const { app, staff } = staffAppForSuite();
  let adminKey: Caller;

  beforeAll(async () => {
    adminKey = await createApiKey(testDb(), { role: 'admin', createdById: staff.admin.user.id });
  });

  it('has an access rule for every staff operation the OpenAPI document lists, and no other', async () => {
    const doc = (await app.inject('/api/v1/openapi.json')).json<OpenApiDocument>();
    const served = endpointsOf(doc)
      .filter((e) => e.path.startsWith('/api/v1/admin/'))
      .map((e) => `${e.method} ${e.path}`);
    expect(served.filter((operation) => !(operation in rules))).toEqual([]);
    expect(Object.keys(rules).filter((operation) => !served.includes(operation))).toEqual([]);
  });

  const call = (method: Method, url: string, caller: Caller) =>
    send(app, method, url, caller, method === 'GET' || method === 'DELETE' ? undefined : {});

  for (const [operation, rule] of Object.entries(rules)) {
    it(`${operation}: ${rule.roles.join(', ')}`, async () => {
      const { method, url } = requestFor(operation);
      const anonymous = await call(method, url, ANONYMOUS);
      expect(anonymous.statusCode).toBe(401);
      expect(anonymous.json()).toMatchObject({ code: 'unauthorized' });
      for (const role of ['admin', 'staff', 'viewer'] as const) {
        const res = await call(method, url, staff[role]);
        if (rule.roles.includes(role)) {
          expect([200, 201, 204, 404, 409, 422], `${role}: ${res.body}`).toContain(res.statusCode);
        } else {
          expect(res.statusCode, role).toBe(403);
          expect(res.json()).toMatchObject({ code: 'forbidden' });
        }
      }
      const viaKey = await call(method, url, adminKey);
      if (rule.sessionOnly) expect(viaKey.statusCode).toBe(403);
      else expect(viaKey.statusCode).not.toBe(403);
    });
  }
});

/**
 * The third kind of caller: a devotee's "my bookings" session (my-bookings/devotee-sessions.ts).
 * Besides what anyone may call, it opens exactly these operations, each of which names it in
 * the document's `security`; every staff operation refuses it as it refuses no sign-in at all.
 */
const devoteeSessionOperations = [
  'GET /api/v1/bookings/{reference}.ics',
  'GET /api/v1/bookings/{reference}',
  'POST /api/v1/bookings/{reference}/cancel',
  'GET /api/v1/my-bookings',
];

describe('what a devotee session may call', () => {
  const { app } = staffAppForSuite();
  let devotee: Caller;

  beforeAll(async () => {
    const phone = `+919${String(Date.now()).slice(-9)}`;
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    await testDb().phoneSignInCode.create({
      data: {
        phone,
        codeHash: new SignInCodeHasher(TEST_JWT_SECRET).hash(phone, code),
        expiresAt: new Date(Date.now() + 600_000),
      },
    });
    const session = await send(app, 'POST', '/api/v1/my-bookings/sessions', ANONYMOUS, {
      phone,
      code,
    });
    devotee = {
      headers: { authorization: `Bearer ${session.json<{ sessionToken: string }>().sessionToken}` },
    };
  });

  it('is named by the document on these operations and no others', async () => {
    const doc = (await app.inject('/api/v1/openapi.json')).json<OpenApiDocument>();
    const named = endpointsOf(doc)
      .filter((e) =>
        ((e.operation as { security?: Record<string, unknown>[] }).security ?? []).some(
          (scheme) => 'devoteeSession' in scheme,
        ),
      )
      .map((e) => `${e.method} ${e.path}`);
    expect(named.sort()).toEqual([...devoteeSessionOperations].sort());
  });

  it('opens its own list', async () => {
    expect((await send(app, 'GET', '/api/v1/my-bookings', devotee)).statusCode).toBe(200);
  });

  for (const operation of Object.keys(rules)) {
    it(`${operation}: refused`, async () => {
      const { method, url } = requestFor(operation);
      const res = await send(app, method, url, devotee, method === 'GET' ? undefined : {});
      expect(res.statusCode).toBe(401);
      expect(res.json()).toMatchObject({ code: 'unauthorized' });
    });
  }
});
