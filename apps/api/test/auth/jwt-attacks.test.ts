import { createHmac, createSign, generateKeyPairSync, randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JWT_AUDIENCE, JWT_ISSUER } from '../../src/auth/auth-plugin.ts';
import { testDb } from '../db.ts';
import {
  accessTokenFor,
  buildStaffApp,
  createStaffUser,
  TEST_JWT_SECRET,
  TEST_PASSWORD,
} from '../staff-factories.ts';

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

function hmacToken(header: object, payload: object, secret = TEST_JWT_SECRET, hash = 'sha256') {
  const body = `${b64(header)}.${b64(payload)}`;
  return `${body}.${createHmac(hash, secret).update(body).digest('base64url')}`;
}

describe('staff access tokens', () => {
  let app: FastifyInstance;
  let userId: number;
  let email: string;
  const now = () => Math.floor(Date.now() / 1000);
  const claims = () => ({
    sub: String(userId),
    role: 'admin',
    typ: 'access',
    sv: 0,
    iss: JWT_ISSUER,
    aud: JWT_AUDIENCE,
    iat: now(),
    exp: now() + 600,
  });
  const me = (token: string) =>
    app.inject({
      method: 'GET',
      url: '/api/v1/admin/bookings',
      headers: { authorization: `Bearer ${token}` },
    });

  beforeAll(async () => {
    app = await buildStaffApp();
    const { user } = await createStaffUser(testDb(), { role: 'admin' });
    userId = user.id;
    email = user.email;
  });
  afterAll(() => app.close());

  it('accepts a well-formed HS256 token with the right issuer and audience (control)', async () => {
    const res = await me(hmacToken({ alg: 'HS256', typ: 'JWT' }, claims()));
    expect(res.statusCode).toBe(200);
  });

  it('rejects a request without a token with 401 and a WWW-Authenticate header', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/admin/bookings' });
    expect(res.statusCode).toBe(401);
    expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
    expect(res.json()).toMatchObject({ code: 'unauthorized' });
  });

  const attacks: [string, () => string][] = [
    ['alg: none', () => `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims())}.`],
    [
      'HS512, even with the right secret',
      () => hmacToken({ alg: 'HS512', typ: 'JWT' }, claims(), TEST_JWT_SECRET, 'sha512'),
    ],
    [
      'RS256 signed with an attacker’s key',
      () => {
        const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
        const body = `${b64({ alg: 'RS256', typ: 'JWT' })}.${b64(claims())}`;
        return `${body}.${createSign('RSA-SHA256').update(body).sign(privateKey).toString('base64url')}`;
      },
    ],
    [
      'a wrong signature',
      () => hmacToken({ alg: 'HS256', typ: 'JWT' }, claims(), randomBytes(32).toString('hex')),
    ],
    [
      'an expired token',
      () =>
        hmacToken(
          { alg: 'HS256', typ: 'JWT' },
          { ...claims(), iat: now() - 3600, exp: now() - 60 },
        ),
    ],
    [
      'a wrong issuer',
      () => hmacToken({ alg: 'HS256', typ: 'JWT' }, { ...claims(), iss: 'someone-else' }),
    ],
    [
      'a wrong audience',
      () => hmacToken({ alg: 'HS256', typ: 'JWT' }, { ...claims(), aud: 'sevabook-devotees' }),
    ],
    [
      'no audience at all',
      () => hmacToken({ alg: 'HS256', typ: 'JWT' }, { ...claims(), aud: undefined }),
    ],
    [
      'a token that is not an access token',
      () => hmacToken({ alg: 'HS256', typ: 'JWT' }, { ...claims(), typ: 'refresh' }),
    ],
    ['garbage', () => 'not.a.jwt'],
  ];

  for (const [name, make] of attacks) {
    it(`rejects ${name} with 401`, async () => {
      const res = await me(make());
      expect(res.statusCode).toBe(401);
      expect(res.json()).toMatchObject({ code: 'unauthorized' });
    });
  }

  it('rejects a refresh token used as an access token', async () => {
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email, password: TEST_PASSWORD },
    });
    expect(login.statusCode).toBe(200);
    const refresh = login.cookies.find((c) => c.name === 'sevabook_refresh');
    expect(refresh?.value).toBeTruthy();
    const res = await me(refresh!.value);
    expect(res.statusCode).toBe(401);
  });

  it('rejects a valid token of a user who has since been deactivated', async () => {
    const { user } = await createStaffUser(testDb(), { role: 'admin' });
    const token = accessTokenFor(user);
    await testDb().staffUser.update({ where: { id: user.id }, data: { active: false } });
    expect((await me(token)).statusCode).toBe(401);
  });

  it('issues tokens that live at most 15 minutes, pinned to HS256 with issuer and audience', async () => {
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email, password: TEST_PASSWORD },
    });
    const { accessToken, expiresIn } = login.json<{ accessToken: string; expiresIn: number }>();
    const [header, payload] = accessToken
      .split('.')
      .slice(0, 2)
      .map((p) => JSON.parse(Buffer.from(p, 'base64url').toString()) as Record<string, unknown>);
    expect(header).toMatchObject({ alg: 'HS256' });
    expect(payload).toMatchObject({
      iss: JWT_ISSUER,
      aud: JWT_AUDIENCE,
      sub: String(userId),
      typ: 'access',
    });
    expect((payload!.exp as number) - (payload!.iat as number)).toBeLessThanOrEqual(900);
    expect(expiresIn).toBeLessThanOrEqual(900);
  });
});
