import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../src/auth/passwords.ts';
import { hashRefreshToken } from '../../src/auth/refresh-tokens.ts';
import { testDb } from '../db.ts';
import { buildStaffApp, createStaffUser, TEST_PASSWORD } from '../staff-factories.ts';
import { refreshCookie, sessionOf, type SessionBody } from './session-of.ts';

describe('POST /api/v1/auth/login', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildStaffApp({ loginMaxFailures: 3, backoffMaxMinutes: 15 });
  });
  afterAll(() => app.close());

  const login = (email: string, password: string) =>
    app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });

  it('signs a staff user in with an access token, and the refresh token only as an httpOnly strict cookie', async () => {
    const { user } = await createStaffUser(testDb(), { role: 'viewer' });
    const res = await login(user.email.toUpperCase(), TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    const body = res.json<SessionBody>();
    expect(body).toMatchObject({
      tokenType: 'Bearer',
      expiresIn: 900,
      user: { id: user.id, role: 'viewer' },
    });
    expect(body.user).not.toHaveProperty('passwordHash');
    const cookie = refreshCookie(res)!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/v1/auth' });
    // A script in the page reads the body; it must never find the refresh token there.
    expect(body).not.toHaveProperty('refreshToken');
    expect(res.body).not.toContain(cookie.value);
    const stored = await testDb().refreshToken.findMany({ where: { staffUserId: user.id } });
    expect(stored).toHaveLength(1);
    // Only the hash is stored.
    expect(stored[0]!.tokenHash).toBe(hashRefreshToken(cookie.value));
    expect(JSON.stringify(stored)).not.toContain(cookie.value);
    const after = await testDb().staffUser.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.lastLoginAt).not.toBeNull();
  });

  it('answers an unknown email and a wrong password with the same 401', async () => {
    const { user } = await createStaffUser(testDb());
    const wrong = await login(user.email, 'not the password at all');
    const unknown = await login('nobody-here@test.sevabook.local', 'not the password at all');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    const strip = (r: LightMyRequestResponse) => ({ ...r.json<object>(), instance: undefined });
    expect(strip(wrong)).toEqual(strip(unknown));
    expect(wrong.json()).toMatchObject({ code: 'invalid_credentials' });
  });

  it('refuses an inactive account with the same 401, even with the right password', async () => {
    const { user } = await createStaffUser(testDb(), { active: false });
    const res = await login(user.email, TEST_PASSWORD);
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'invalid_credentials' });
  });

  it('rejects a malformed body with 422 validation_failed', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'not-an-email' },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'validation_failed' });
  });

  it('stores passwords as argon2id hashes', async () => {
    const { user } = await createStaffUser(testDb(), { password: 'another long password' });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(user.passwordHash, 'another long password')).toBe(true);
  });
});

describe('login rate limits', () => {
  it('limits attempts per address', async () => {
    const app = await buildStaffApp({ loginRateLimitPerMin: 3, loginMaxFailures: 100 });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 4; i++) {
        const res = await app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { email: `someone-${i}@test.sevabook.local`, password: 'whatever it is' },
        });
        codes.push(res.statusCode);
      }
      expect(codes).toEqual([401, 401, 401, 429]);
    } finally {
      await app.close();
    }
  });
});

describe('POST /api/v1/auth/refresh and /logout', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildStaffApp();
  });
  afterAll(() => app.close());

  async function signIn() {
    const { user } = await createStaffUser(testDb());
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: user.email, password: TEST_PASSWORD },
    });
    return { user, session: sessionOf(res) };
  }
  const refreshWithCookie = (token: string) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      cookies: { sevabook_refresh: token },
    });
  const me = (accessToken: string) =>
    app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { authorization: `Bearer ${accessToken}` },
    });

  it('rotates the refresh token from the cookie and gives a working access token', async () => {
    const { user, session } = await signIn();
    const res = await refreshWithCookie(session.refreshToken);
    expect(res.statusCode).toBe(200);
    const next = sessionOf(res);
    expect(next.refreshToken).not.toBe(session.refreshToken);
    expect(res.body).not.toContain(next.refreshToken);
    expect((await me(next.accessToken)).json()).toMatchObject({ id: user.id });
    const rows = await testDb().refreshToken.findMany({
      where: { staffUserId: user.id },
      orderBy: { id: 'asc' },
    });
    expect(rows).toHaveLength(2);
    expect(rows[0]!.rotatedAt).not.toBeNull();
    expect(rows[1]!.familyId).toBe(rows[0]!.familyId);
  });

  it('takes the refresh token from the cookie only, never from a body', async () => {
    const { session } = await signIn();
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      payload: { refreshToken: session.refreshToken },
    });
    expect(res.statusCode).toBe(401);
    expect((await refreshWithCookie(session.refreshToken)).statusCode).toBe(200);
  });

  it('treats reuse of a rotated token as theft: 401, the whole session revoked, and its access tokens end at once', async () => {
    const { user, session } = await signIn();
    const second = sessionOf(await refreshWithCookie(session.refreshToken));
    expect((await me(second.accessToken)).statusCode).toBe(200);
    const reuse = await refreshWithCookie(session.refreshToken);
    expect(reuse.statusCode).toBe(401);
    // The newer token, held by whoever rotated it, is revoked too.
    expect((await refreshWithCookie(second.refreshToken)).statusCode).toBe(401);
    const live = await testDb().refreshToken.count({
      where: { staffUserId: user.id, revokedAt: null },
    });
    expect(live).toBe(0);
    // The access tokens already handed out (to the thief too) stop working before they expire.
    expect((await me(second.accessToken)).statusCode).toBe(401);
    expect((await me(session.accessToken)).statusCode).toBe(401);
    const after = await testDb().staffUser.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.sessionVersion).toBe(user.sessionVersion + 1);
  });

  it('refuses an unknown refresh token and a missing one with 401', async () => {
    expect((await refreshWithCookie('made-up-token')).statusCode).toBe(401);
    expect((await app.inject({ method: 'POST', url: '/api/v1/auth/refresh' })).statusCode).toBe(
      401,
    );
  });

  it('refuses an expired refresh token', async () => {
    const { user, session } = await signIn();
    await testDb().refreshToken.updateMany({
      where: { staffUserId: user.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect((await refreshWithCookie(session.refreshToken)).statusCode).toBe(401);
  });

  it('refuses to refresh for a user deactivated since signing in', async () => {
    const { user, session } = await signIn();
    await testDb().staffUser.update({ where: { id: user.id }, data: { active: false } });
    expect((await refreshWithCookie(session.refreshToken)).statusCode).toBe(401);
  });

  it('logout revokes the session and clears the cookie', async () => {
    const { user, session } = await signIn();
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      cookies: { sevabook_refresh: session.refreshToken },
    });
    expect(res.statusCode).toBe(204);
    expect(refreshCookie(res)?.value).toBe('');
    expect(
      await testDb().refreshToken.count({ where: { staffUserId: user.id, revokedAt: null } }),
    ).toBe(0);
    expect((await refreshWithCookie(session.refreshToken)).statusCode).toBe(401);
  });
});
