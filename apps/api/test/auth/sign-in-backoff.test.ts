import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword, timingEqualiserHash } from '../../src/auth/passwords.ts';
import { accountKeyOf } from '../../src/auth/sign-in-backoff.ts';
import { testDb } from '../db.ts';
import { uniqueSuffix } from '../factories.ts';
import {
  accessTokenFor,
  buildStaffApp,
  createStaffUser,
  TEST_PASSWORD,
} from '../staff-factories.ts';

/**
 * Wrong passwords slow down the address they come from, for that account only (issue: five
 * anonymous guesses used to lock any staff account and end its sessions).
 */

let app: FastifyInstance;
beforeAll(async () => {
  app = await buildStaffApp({ loginMaxFailures: 3, backoffMaxMinutes: 5 });
});
afterAll(() => app.close());

const login = (email: string, password: string, remoteAddress: string) =>
  app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    remoteAddress,
    payload: { email, password },
  });

/** An address of its own for each test, so the tests' counts never meet. */
const anAddress = () =>
  `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

const failuresOf = (email: string, address: string) =>
  testDb().signInFailure.findUnique({
    where: { accountKey_address: { accountKey: accountKeyOf(email), address } },
  });

async function guess(email: string, address: string, times: number): Promise<number[]> {
  const codes: number[] = [];
  for (let i = 0; i < times; i++)
    codes.push((await login(email, `wrong guess ${i}`, address)).statusCode);
  return codes;
}

describe('wrong passwords at POST /api/v1/auth/login', () => {
  it('make that address wait for that account: 429 with Retry-After, without looking at the password', async () => {
    const { user } = await createStaffUser(testDb());
    const address = anAddress();
    expect(await guess(user.email, address, 3)).toEqual([401, 401, 401]);
    const waiting = await login(user.email, TEST_PASSWORD, address);
    expect(waiting.statusCode).toBe(429);
    expect(waiting.json()).toMatchObject({ code: 'rate_limited' });
    expect(Number(waiting.headers['retry-after'])).toBeGreaterThan(50);
    expect(Number(waiting.headers['retry-after'])).toBeLessThanOrEqual(60);
    const row = await failuresOf(user.email, address);
    expect(row).toMatchObject({ failures: 3 });
    expect(row!.blockedUntil!.getTime() - row!.lastFailedAt.getTime()).toBe(60_000);
  });

  it('never stop the real user signing in from their own address, nor end their sessions', async () => {
    const { user } = await createStaffUser(testDb());
    const own = anAddress();
    const session = await login(user.email, TEST_PASSWORD, own);
    const accessToken = session.json<{ accessToken: string }>().accessToken;
    const refresh = session.cookies.find((c) => c.name === 'sevabook_refresh')!.value;

    const attacker = anAddress();
    const codes = await guess(user.email, attacker, 8);
    expect(codes.slice(0, 3)).toEqual([401, 401, 401]);
    expect(codes.slice(3)).toEqual([429, 429, 429, 429, 429]);

    expect((await login(user.email, TEST_PASSWORD, own)).statusCode).toBe(200);
    const me = await app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { authorization: `Bearer ${accessToken}` },
    });
    expect(me.statusCode).toBe(200);
    const renewed = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      cookies: { sevabook_refresh: refresh },
    });
    expect(renewed.statusCode).toBe(200);
    expect(
      await testDb().refreshToken.count({
        where: { staffUserId: user.id, revokedAt: { not: null } },
      }),
    ).toBe(0);
  });

  it('count an unknown email exactly like a real one, so neither answers nor waits tell which exist', async () => {
    const { user } = await createStaffUser(testDb());
    const unknown = `nobody-${uniqueSuffix()}@test.sevabook.local`;
    const address = anAddress();
    const real = await guess(user.email, address, 4);
    const made = await guess(unknown, address, 4);
    expect(made).toEqual(real);
    expect(real).toEqual([401, 401, 401, 429]);
    // The same work was done for both: one row each, keyed by a hash, not the readable email.
    const [a, b] = [await failuresOf(user.email, address), await failuresOf(unknown, address)];
    expect(a).toMatchObject({ failures: 3 });
    expect(b).toMatchObject({ failures: 3 });
    expect(JSON.stringify(b)).not.toContain(unknown);
  });

  it('double the wait with each further failure, up to the longest configured', async () => {
    const { user } = await createStaffUser(testDb());
    const address = anAddress();
    const waits: number[] = [];
    for (let i = 0; i < 6; i++) {
      expect((await login(user.email, `wrong again ${i}`, address)).statusCode).toBe(401);
      const row = (await failuresOf(user.email, address))!;
      waits.push(
        row.blockedUntil ? (row.blockedUntil.getTime() - row.lastFailedAt.getTime()) / 60_000 : 0,
      );
      // The wait is served: let the next guess through.
      await testDb().signInFailure.update({
        where: { accountKey_address: { accountKey: row.accountKey, address } },
        data: { blockedUntil: null },
      });
    }
    expect(waits).toEqual([0, 0, 1, 2, 4, 5]);
  });

  it('start again from nothing after a right password from the same address', async () => {
    const { user } = await createStaffUser(testDb());
    const address = anAddress();
    await guess(user.email, address, 2);
    expect((await login(user.email, TEST_PASSWORD, address)).statusCode).toBe(200);
    expect(await failuresOf(user.email, address)).toBeNull();
    expect(await guess(user.email, address, 2)).toEqual([401, 401]);
  });

  it('check unknown emails against a dummy hash made at the cost of real ones', async () => {
    const parameters = (hash: string) => hash.split('$').slice(1, 4).join('$');
    const real = await hashPassword('some staff password');
    expect(parameters(await timingEqualiserHash())).toBe(parameters(real));
    expect(parameters(real)).toBe('argon2id$v=19$m=19456,t=2,p=1');
  });
});

describe('wrong current passwords at POST /api/v1/auth/password', () => {
  it('count towards the same wait as wrong passwords at sign-in', async () => {
    const { user } = await createStaffUser(testDb());
    const address = anAddress();
    const change = (currentPassword: string) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/auth/password',
        remoteAddress: address,
        headers: { authorization: `Bearer ${accessTokenFor(user)}` },
        payload: { currentPassword, newPassword: 'a brand new long password' },
      });
    expect((await change('not it 1')).statusCode).toBe(401);
    expect((await login(user.email, 'not it 2', address)).statusCode).toBe(401);
    expect((await change('not it 3')).statusCode).toBe(401);
    // A stolen access token gives no way round the wait, and neither does the sign-in form.
    expect((await change(TEST_PASSWORD)).statusCode).toBe(429);
    expect((await login(user.email, TEST_PASSWORD, address)).statusCode).toBe(429);
    const row = await testDb().staffUser.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.passwordHash).toBe(user.passwordHash);
  });
});
