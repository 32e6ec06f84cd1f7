import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../src/auth/passwords.ts';
import { testDb } from '../db.ts';
import {
  accessTokenFor,
  buildStaffApp,
  createStaffUser,
  TEST_PASSWORD,
} from '../staff-factories.ts';
import { sessionOf, type SessionBody } from './session-of.ts';

describe('GET /api/v1/auth/me and POST /api/v1/auth/password', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildStaffApp();
  });
  afterAll(() => app.close());

  it('needs a token', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);
  });

  it('lets a user whose password was issued by an admin change it, and nothing else until then', async () => {
    const { user } = await createStaffUser(testDb(), { role: 'staff', mustChangePassword: true });
    const headers = { authorization: `Bearer ${accessTokenFor(user)}` };
    const blocked = await app.inject({ method: 'GET', url: '/api/v1/admin/bookings', headers });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json()).toMatchObject({ code: 'password_change_required' });

    const wrong = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers,
      payload: { currentPassword: 'not it at all', newPassword: 'a brand new password' },
    });
    expect(wrong.statusCode).toBe(401);
    const short = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers,
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'short' },
    });
    expect(short.statusCode).toBe(422);

    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers,
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'a brand new password' },
    });
    expect(res.statusCode).toBe(204);
    const after = await testDb().staffUser.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.mustChangePassword).toBe(false);
    expect(await verifyPassword(after.passwordHash, 'a brand new password')).toBe(true);
    // No refresh cookie came with the change, so no session is kept: sign in again.
    expect(
      (await app.inject({ method: 'GET', url: '/api/v1/admin/bookings', headers })).statusCode,
    ).toBe(401);
    const signedIn = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: user.email, password: 'a brand new password' },
    });
    const fresh = { authorization: `Bearer ${signedIn.json<SessionBody>().accessToken}` };
    expect(
      (await app.inject({ method: 'GET', url: '/api/v1/admin/bookings', headers: fresh }))
        .statusCode,
    ).toBe(200);
  });

  it('ends every other session at once on a password change, and keeps the one it was made in', async () => {
    const { user } = await createStaffUser(testDb(), { role: 'staff' });
    const signIn = async () =>
      sessionOf(
        await app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { email: user.email, password: TEST_PASSWORD },
        }),
      );
    const [here, elsewhere] = [await signIn(), await signIn()];
    const me = (accessToken: string) =>
      app.inject({
        method: 'GET',
        url: '/api/v1/auth/me',
        headers: { authorization: `Bearer ${accessToken}` },
      });
    const refresh = (token: string) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/auth/refresh',
        cookies: { sevabook_refresh: token },
      });

    const changed = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: { authorization: `Bearer ${here.accessToken}` },
      cookies: { sevabook_refresh: here.refreshToken },
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'another brand new password' },
    });
    expect(changed.statusCode).toBe(204);

    // The other session (perhaps someone who learnt the old password) is out, now.
    expect((await me(elsewhere.accessToken)).statusCode).toBe(401);
    expect((await refresh(elsewhere.refreshToken)).statusCode).toBe(401);
    // This one's access token is refused once; its cookie renews it, as the admin site does.
    expect((await me(here.accessToken)).statusCode).toBe(401);
    const renewed = await refresh(here.refreshToken);
    expect(renewed.statusCode).toBe(200);
    expect((await me(sessionOf(renewed).accessToken)).statusCode).toBe(200);
  });
});
