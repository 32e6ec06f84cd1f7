import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashApiKey } from '../../src/auth/api-key-secrets.ts';
import { testDb } from '../db.ts';
import { createSlot, uniquePhone, uniqueSuffix } from '../factories.ts';
import {
  bearerFor,
  buildStaffApp,
  createApiKey,
  createStaffUser,
  staffOfEveryRole,
  TEST_PASSWORD,
} from '../staff-factories.ts';

type Staff = Awaited<ReturnType<typeof staffOfEveryRole>>;

describe('staff accounts (admin only)', () => {
  let app: FastifyInstance;
  let staff: Staff;
  const db = testDb();
  beforeAll(async () => {
    app = await buildStaffApp();
    staff = await staffOfEveryRole();
  });
  afterAll(() => app.close());

  it('invites a user with a temporary password that works once and must be changed', async () => {
    const email = `New.Priest-${uniqueSuffix()}@Test.Sevabook.Local`;
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/admin/users',
      headers: staff.admin.headers,
      payload: { email, name: 'New Priest', role: 'viewer' },
    });
    expect(res.statusCode).toBe(201);
    const { user, temporaryPassword } = res.json<{
      user: { id: number; email: string; mustChangePassword: boolean };
      temporaryPassword: string;
    }>();
    expect(user).toMatchObject({ email: email.toLowerCase(), mustChangePassword: true });
    const row = await db.staffUser.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row.passwordHash).not.toContain(temporaryPassword);

    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email, password: temporaryPassword },
    });
    expect(login.statusCode).toBe(200);
    const again = await app.inject({
      method: 'POST',
      url: '/api/v1/admin/users',
      headers: staff.admin.headers,
      payload: { email, name: 'Again', role: 'staff' },
    });
    expect(again.statusCode).toBe(409);
  });

  it('changes a role, deactivates (signing the user out), and never deletes', async () => {
    const { user } = await createStaffUser(db, { role: 'staff' });
    await db.refreshToken.create({
      data: {
        staffUserId: user.id,
        familyId: '00000000-0000-4000-8000-000000000000',
        tokenHash: hashApiKey(uniqueSuffix()),
        expiresAt: new Date(Date.now() + 86_400_000),
      },
    });
    const url = `/api/v1/admin/users/${user.id}`;
    const promote = await app.inject({
      method: 'PATCH',
      url,
      headers: staff.admin.headers,
      payload: { role: 'admin', name: 'Head Clerk' },
    });
    expect(promote.json()).toMatchObject({ role: 'admin', name: 'Head Clerk' });
    const off = await app.inject({
      method: 'PATCH',
      url,
      headers: staff.admin.headers,
      payload: { active: false },
    });
    expect(off.statusCode).toBe(200);
    const row = await db.staffUser.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.active).toBe(false);
    expect(await db.refreshToken.count({ where: { staffUserId: user.id, revokedAt: null } })).toBe(
      0,
    );
    expect(
      (await app.inject({ method: 'GET', url: '/api/v1/admin/bookings', headers: bearerFor(user) }))
        .statusCode,
    ).toBe(401);
    expect(
      await db.auditEntry.count({ where: { entityType: 'staff_user', entityId: user.id } }),
    ).toBe(2);
  });

  it('refuses to let an admin demote or deactivate themselves', async () => {
    const { user } = await createStaffUser(db, { role: 'admin' });
    const res = await app.inject({
      method: 'PATCH',
      url: `/api/v1/admin/users/${user.id}`,
      headers: bearerFor(user),
      payload: { active: false },
    });
    expect(res.statusCode).toBe(409);
    expect((await db.staffUser.findUniqueOrThrow({ where: { id: user.id } })).active).toBe(true);
  });

  it('resets a password: new temporary one, account unlocked, old password refused', async () => {
    const { user } = await createStaffUser(db, { lockedUntil: new Date(Date.now() + 600_000) });
    const res = await app.inject({
      method: 'POST',
      url: `/api/v1/admin/users/${user.id}/reset-password`,
      headers: staff.admin.headers,
    });
    expect(res.statusCode).toBe(200);
    const { temporaryPassword } = res.json<{ temporaryPassword: string }>();
    const row = await db.staffUser.findUniqueOrThrow({ where: { id: user.id } });
    expect(row).toMatchObject({ lockedUntil: null, mustChangePassword: true, failedLogins: 0 });
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { email: user.email, password: TEST_PASSWORD },
        })
      ).statusCode,
    ).toBe(401);
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { email: user.email, password: temporaryPassword },
        })
      ).statusCode,
    ).toBe(200);
  });

  it('is for admins only: staff and viewers 403, admin API keys 403, anonymous 401, bad input 422', async () => {
    for (const role of ['staff', 'viewer'] as const) {
      expect(
        (
          await app.inject({
            method: 'GET',
            url: '/api/v1/admin/users',
            headers: staff[role].headers,
          })
        ).statusCode,
      ).toBe(403);
    }
    const { key } = await createApiKey(db, { role: 'admin', createdById: staff.admin.user.id });
    expect(
      (
        await app.inject({
          method: 'GET',
          url: '/api/v1/admin/users',
          headers: { 'x-api-key': key },
        })
      ).statusCode,
    ).toBe(403);
    expect((await app.inject({ method: 'GET', url: '/api/v1/admin/users' })).statusCode).toBe(401);
    const bad = await app.inject({
      method: 'POST',
      url: '/api/v1/admin/users',
      headers: staff.admin.headers,
      payload: { email: 'x', name: 'A', role: 'priest' },
    });
    expect(bad.statusCode).toBe(422);
    const list = await app.inject({
      method: 'GET',
      url: '/api/v1/admin/users',
      headers: staff.admin.headers,
    });
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain('argon2');
  });
});

describe('API keys (admin only)', () => {
  let app: FastifyInstance;
  let staff: Staff;
  const db = testDb();
  beforeAll(async () => {
    app = await buildStaffApp({ apiKeyRateLimitPerMin: 3 });
    staff = await staffOfEveryRole();
  });
  afterAll(() => app.close());

  it('creates a key shown once and stored hashed; it books with source api; revoking stops it', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/admin/api-keys',
      headers: staff.admin.headers,
      payload: { name: 'Travel desk', role: 'staff' },
    });
    expect(res.statusCode).toBe(201);
    const { apiKey, key } = res.json<{ apiKey: { id: number; prefix: string }; key: string }>();
    expect(key.startsWith(apiKey.prefix)).toBe(true);
    const row = await db.apiKey.findUniqueOrThrow({ where: { id: apiKey.id } });
    expect(row.keyHash).toBe(hashApiKey(key));
    const list = await app.inject({
      method: 'GET',
      url: '/api/v1/admin/api-keys',
      headers: staff.admin.headers,
    });
    expect(list.body).not.toContain(key);

    const slot = await createSlot(db);
    const booked = await app.inject({
      method: 'POST',
      url: '/api/v1/admin/bookings',
      headers: { authorization: `Bearer ${key}` },
      payload: {
        slotId: slot.id,
        devoteeName: 'Travel Desk Guest',
        phone: uniquePhone(),
        persons: 1,
      },
    });
    expect(booked.statusCode).toBe(201);
    expect(booked.json()).toMatchObject({ source: 'api', apiKeyId: apiKey.id });

    const revoke = await app.inject({
      method: 'POST',
      url: `/api/v1/admin/api-keys/${apiKey.id}/revoke`,
      headers: staff.admin.headers,
    });
    expect(revoke.statusCode).toBe(200);
    expect(revoke.json<{ revokedAt: string | null }>().revokedAt).not.toBeNull();
    expect(
      (
        await app.inject({
          method: 'GET',
          url: '/api/v1/admin/bookings',
          headers: { 'x-api-key': key },
        })
      ).statusCode,
    ).toBe(401);
    expect(
      (
        await app.inject({
          method: 'POST',
          url: `/api/v1/admin/api-keys/${apiKey.id}/revoke`,
          headers: staff.admin.headers,
        })
      ).statusCode,
    ).toBe(200);
  });

  it('rate-limits each key', async () => {
    const { key } = await createApiKey(db, { role: 'viewer', createdById: staff.admin.user.id });
    const codes = [];
    for (let i = 0; i < 4; i++)
      codes.push(
        (
          await app.inject({
            method: 'GET',
            url: '/api/v1/admin/day-sheet?date=2030-01-01',
            headers: { 'x-api-key': key },
          })
        ).statusCode,
      );
    expect(codes).toEqual([200, 200, 200, 429]);
  });

  it('a viewer key cannot write (403); staff users cannot manage keys (403); bad input 422', async () => {
    const { key } = await createApiKey(db, { role: 'viewer', createdById: staff.admin.user.id });
    const slot = await createSlot(db);
    const write = await app.inject({
      method: 'POST',
      url: '/api/v1/admin/bookings',
      headers: { 'x-api-key': key },
      payload: { slotId: slot.id, devoteeName: 'Nope', phone: uniquePhone(), persons: 1 },
    });
    expect(write.statusCode).toBe(403);
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/api/v1/admin/api-keys',
          headers: staff.staff.headers,
          payload: { name: 'Kiosk', role: 'staff' },
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/api/v1/admin/api-keys',
          headers: staff.admin.headers,
          payload: { name: '', role: 'staff' },
        })
      ).statusCode,
    ).toBe(422);
    expect((await app.inject({ method: 'GET', url: '/api/v1/admin/api-keys' })).statusCode).toBe(
      401,
    );
  });
});
