import { describe, expect, it } from 'vitest';
import { hashApiKey } from '../../src/auth/api-key-secrets.ts';
import { accountKeyOf } from '../../src/auth/sign-in-backoff.ts';
import { ANONYMOUS, send, statusOf } from '../app.ts';
import { testDb } from '../db.ts';
import { createSlot, uniquePhone, uniqueSuffix } from '../factories.ts';
import {
  bearerFor,
  createApiKey,
  createStaffUser,
  staffAppForSuite,
  TEST_PASSWORD,
} from '../staff-factories.ts';

describe('staff accounts (admin only)', () => {
  const { app, staff } = staffAppForSuite();
  const db = testDb();

  it('invites a user with a temporary password that works once and must be changed', async () => {
    const email = `New.Priest-${uniqueSuffix()}@Test.Sevabook.Local`;
    const res = await send(app, 'POST', '/api/v1/admin/users', staff.admin, {
      email,
      name: 'New Priest',
      role: 'viewer',
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

    const login = { email, password: temporaryPassword };
    expect(await statusOf(app, 'POST', '/api/v1/auth/login', ANONYMOUS, login)).toBe(200);
    const again = { email, name: 'Again', role: 'staff' };
    expect(await statusOf(app, 'POST', '/api/v1/admin/users', staff.admin, again)).toBe(409);
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
    const promote = await send(app, 'PATCH', url, staff.admin, {
      role: 'admin',
      name: 'Head Clerk',
    });
    expect(promote.json()).toMatchObject({ role: 'admin', name: 'Head Clerk' });
    expect(await statusOf(app, 'PATCH', url, staff.admin, { active: false })).toBe(200);
    const row = await db.staffUser.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.active).toBe(false);
    expect(await db.refreshToken.count({ where: { staffUserId: user.id, revokedAt: null } })).toBe(
      0,
    );
    const signedOut = { headers: bearerFor(user) };
    expect(await statusOf(app, 'GET', '/api/v1/admin/bookings', signedOut)).toBe(401);
    expect(
      await db.auditEntry.count({ where: { entityType: 'staff_user', entityId: user.id } }),
    ).toBe(2);
  });

  it('refuses to let an admin demote or deactivate themselves', async () => {
    const { user } = await createStaffUser(db, { role: 'admin' });
    const self = { headers: bearerFor(user) };
    const url = `/api/v1/admin/users/${user.id}`;
    expect(await statusOf(app, 'PATCH', url, self, { active: false })).toBe(409);
    expect((await db.staffUser.findUniqueOrThrow({ where: { id: user.id } })).active).toBe(true);
  });

  it('resets a password: new temporary one, the old tokens ended at once, any wait lifted, old password refused', async () => {
    const { user } = await createStaffUser(db);
    const before = { headers: bearerFor(user) };
    expect(await statusOf(app, 'GET', '/api/v1/auth/me', before)).toBe(200);
    // Wrong passwords from this address had earned it a wait.
    await db.signInFailure.create({
      data: {
        accountKey: accountKeyOf(user.email),
        address: '127.0.0.1',
        failures: 9,
        lastFailedAt: new Date(),
        blockedUntil: new Date(Date.now() + 600_000),
      },
    });
    const res = await send(
      app,
      'POST',
      `/api/v1/admin/users/${user.id}/reset-password`,
      staff.admin,
    );
    expect(res.statusCode).toBe(200);
    const { temporaryPassword } = res.json<{ temporaryPassword: string }>();
    const row = await db.staffUser.findUniqueOrThrow({ where: { id: user.id } });
    expect(row).toMatchObject({
      mustChangePassword: true,
      sessionVersion: user.sessionVersion + 1,
    });
    expect(await statusOf(app, 'GET', '/api/v1/auth/me', before)).toBe(401);
    const login = (password: string) =>
      statusOf(app, 'POST', '/api/v1/auth/login', ANONYMOUS, { email: user.email, password });
    expect(await login(TEST_PASSWORD)).toBe(401);
    expect(await login(temporaryPassword)).toBe(200);
  });

  it('is for admins only: staff and viewers 403, admin API keys 403, anonymous 401, bad input 422', async () => {
    const url = '/api/v1/admin/users';
    for (const role of ['staff', 'viewer'] as const) {
      expect(await statusOf(app, 'GET', url, staff[role])).toBe(403);
    }
    const adminKey = await createApiKey(db, { role: 'admin', createdById: staff.admin.user.id });
    expect(await statusOf(app, 'GET', url, adminKey)).toBe(403);
    expect(await statusOf(app, 'GET', url, ANONYMOUS)).toBe(401);
    const bad = { email: 'x', name: 'A', role: 'priest' };
    expect(await statusOf(app, 'POST', url, staff.admin, bad)).toBe(422);
    const list = await send(app, 'GET', url, staff.admin);
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain('argon2');
  });
});

describe('API keys (admin only)', () => {
  const { app, staff } = staffAppForSuite({ apiKeyRateLimitPerMin: 3 });
  const db = testDb();

  it('creates a key shown once and stored hashed; it books with source api; revoking stops it', async () => {
    const res = await send(app, 'POST', '/api/v1/admin/api-keys', staff.admin, {
      name: 'Travel desk',
      role: 'staff',
    });
    expect(res.statusCode).toBe(201);
    const { apiKey, key } = res.json<{ apiKey: { id: number; prefix: string }; key: string }>();
    expect(key.startsWith(apiKey.prefix)).toBe(true);
    const row = await db.apiKey.findUniqueOrThrow({ where: { id: apiKey.id } });
    expect(row.keyHash).toBe(hashApiKey(key));
    const list = await send(app, 'GET', '/api/v1/admin/api-keys', staff.admin);
    expect(list.body).not.toContain(key);

    const slot = await createSlot(db);
    const booked = await send(
      app,
      'POST',
      '/api/v1/admin/bookings',
      { headers: { authorization: `Bearer ${key}` } },
      { slotId: slot.id, devoteeName: 'Travel Desk Guest', phone: uniquePhone(), persons: 1 },
    );
    expect(booked.statusCode).toBe(201);
    expect(booked.json()).toMatchObject({ source: 'api', apiKeyId: apiKey.id });

    const revokeUrl = `/api/v1/admin/api-keys/${apiKey.id}/revoke`;
    const revoke = await send(app, 'POST', revokeUrl, staff.admin);
    expect(revoke.statusCode).toBe(200);
    expect(revoke.json<{ revokedAt: string | null }>().revokedAt).not.toBeNull();
    const asKey = { headers: { 'x-api-key': key } };
    expect(await statusOf(app, 'GET', '/api/v1/admin/bookings', asKey)).toBe(401);
    expect(await statusOf(app, 'POST', revokeUrl, staff.admin)).toBe(200);
  });

  it('rate-limits each key', async () => {
    const key = await createApiKey(db, { role: 'viewer', createdById: staff.admin.user.id });
    const codes = [];
    for (let i = 0; i < 4; i++)
      codes.push(await statusOf(app, 'GET', '/api/v1/admin/day-sheet?date=2030-01-01', key));
    expect(codes).toEqual([200, 200, 200, 429]);
  });

  it('a viewer key cannot write (403); staff users cannot manage keys (403); bad input 422', async () => {
    const viewerKey = await createApiKey(db, { role: 'viewer', createdById: staff.admin.user.id });
    const slot = await createSlot(db);
    const write = { slotId: slot.id, devoteeName: 'Nope', phone: uniquePhone(), persons: 1 };
    expect(await statusOf(app, 'POST', '/api/v1/admin/bookings', viewerKey, write)).toBe(403);
    const url = '/api/v1/admin/api-keys';
    expect(await statusOf(app, 'POST', url, staff.staff, { name: 'Kiosk', role: 'staff' })).toBe(
      403,
    );
    expect(await statusOf(app, 'POST', url, staff.admin, { name: '', role: 'staff' })).toBe(422);
    expect(await statusOf(app, 'GET', url, ANONYMOUS)).toBe(401);
  });
});
