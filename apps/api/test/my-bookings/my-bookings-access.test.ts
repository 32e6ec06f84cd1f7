import { createHmac, hkdfSync } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignInCodeHasher } from '../../src/my-bookings/sign-in-codes.ts';
import { testDb } from '../db.ts';
import { createBooking, createSlot, uniquePhone } from '../factories.ts';
import { bearerFor, createStaffUser, TEST_JWT_SECRET } from '../staff-factories.ts';
import { buildMyBookingsApp } from './my-bookings-app.ts';

const db = testDb();
let app: FastifyInstance;
let lines: string[];

beforeAll(async () => {
  ({ app, lines } = await buildMyBookingsApp());
});
afterAll(() => app.close());

/** A session for `phone`, by a code written as the API writes them (the log transport sends none). */
async function sessionFor(phone: string): Promise<Record<string, string>> {
  const code = '246801';
  await db.phoneSignInCode.create({
    data: {
      phone,
      codeHash: new SignInCodeHasher(TEST_JWT_SECRET).hash(phone, code),
      expiresAt: new Date(Date.now() + 600_000),
    },
  });
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/my-bookings/sessions',
    payload: { phone, code },
  });
  expect(res.statusCode).toBe(200);
  return { authorization: `Bearer ${res.json<{ sessionToken: string }>().sessionToken}` };
}

async function bookingFor(phone: string, startsAt?: Date) {
  const slot = await createSlot(db, startsAt ? { startsAt } : {});
  return createBooking(db, { slotId: slot.id, phone });
}

const daysFromNow = (days: number) => {
  const at = new Date(Date.now() + days * 86_400_000);
  at.setUTCSeconds(0, 0);
  return at;
};

describe('GET /api/v1/my-bookings', () => {
  it('lists the session’s phone’s bookings, upcoming soonest first, then the past year', async () => {
    const phone = uniquePhone();
    const later = await bookingFor(phone, daysFromNow(9));
    const sooner = await bookingFor(phone, daysFromNow(4));
    const past = await bookingFor(phone, daysFromNow(-20));
    await bookingFor(phone, daysFromNow(-400));
    await bookingFor(uniquePhone(), daysFromNow(5));

    const res = await app.inject({ url: '/api/v1/my-bookings', headers: await sessionFor(phone) });
    expect(res.statusCode).toBe(200);
    const body = res.json<{ upcoming: { reference: string }[]; past: { reference: string }[] }>();
    expect(body.upcoming.map((b) => b.reference)).toEqual([
      sooner.booking.reference,
      later.booking.reference,
    ]);
    expect(body.past.map((b) => b.reference)).toEqual([past.booking.reference]);
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('answers 401 without a session, with an expired one, or with a staff token', async () => {
    const staff = await createStaffUser(db, { role: 'admin' });
    const expired = devoteeToken({ sub: '1', purpose: 'my-bookings' }, -60);
    for (const headers of [{}, { authorization: `Bearer ${expired}` }, bearerFor(staff.user)]) {
      const res = await app.inject({ url: '/api/v1/my-bookings', headers });
      expect(res.statusCode).toBe(401);
      expect(res.json()).toMatchObject({ code: 'unauthorized' });
    }
  });
});

describe('the manage routes with a my-bookings session', () => {
  it('open, give the calendar of and cancel the session’s phone’s booking', async () => {
    const phone = uniquePhone();
    const { booking } = await bookingFor(phone);
    const headers = await sessionFor(phone);
    const url = `/api/v1/bookings/${booking.reference}`;

    const got = await app.inject({ url, headers });
    expect(got.statusCode).toBe(200);
    expect(got.json()).toMatchObject({ reference: booking.reference, status: 'confirmed' });
    const ics = await app.inject({ url: `${url}.ics`, headers });
    expect(ics.statusCode).toBe(200);
    expect(ics.body).toContain('BEGIN:VCALENDAR');

    const cancelled = await app.inject({ method: 'POST', url: `${url}/cancel`, headers });
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json()).toMatchObject({ status: 'cancelled' });
    const row = await db.booking.findUniqueOrThrow({ where: { id: booking.id } });
    expect(row.status).toBe('cancelled');
  });

  it('refuse another phone’s booking exactly as a wrong token, and leave it alone', async () => {
    const { booking } = await bookingFor(uniquePhone());
    const url = `/api/v1/bookings/${booking.reference}`;
    const staff = await createStaffUser(db, { role: 'admin' });
    const callers = [await sessionFor(uniquePhone()), bearerFor(staff.user)];
    for (const headers of callers) {
      for (const [method, path] of [
        ['GET', url],
        ['GET', `${url}.ics`],
        ['POST', `${url}/cancel`],
      ] as const) {
        const res = await app.inject({ method, url: path, headers });
        const wrongToken = await app.inject({
          method,
          url: path,
          headers: { 'x-booking-token': 'A'.repeat(22) },
        });
        expect(res.statusCode).toBe(404);
        expect(res.json()).toEqual(wrongToken.json());
      }
    }
    const row = await db.booking.findUniqueOrThrow({ where: { id: booking.id } });
    expect(row.status).toBe('confirmed');
  });

  it('still open with the manage token alone', async () => {
    const { booking, manageToken } = await bookingFor(uniquePhone());
    const res = await app.inject({
      url: `/api/v1/bookings/${booking.reference}`,
      headers: { 'x-booking-token': manageToken },
    });
    expect(res.statusCode).toBe(200);
  });
});

describe('a devotee session on staff routes', () => {
  it('is no staff token', async () => {
    const headers = await sessionFor(uniquePhone());
    for (const url of ['/api/v1/admin/bookings', '/api/v1/auth/me']) {
      const res = await app.inject({ url, headers });
      expect(res.statusCode).toBe(401);
    }
  });

  it('is no staff token even when made with the staff audience and key', async () => {
    // A session's claims signed as staff tokens are: still no staff user behind it.
    const forged = staffSignedToken({ sub: '1', purpose: 'my-bookings' });
    const res = await app.inject({
      url: '/api/v1/my-bookings',
      headers: { authorization: `Bearer ${forged}` },
    });
    expect(res.statusCode).toBe(401);
  });
});

describe('the per-address limit on codes', () => {
  let limited: FastifyInstance;
  beforeAll(async () => {
    ({ app: limited } = await buildMyBookingsApp({
      env: { SIGN_IN_RATE_LIMIT_PER_IP_PER_HOUR: '2' },
    }));
  });
  afterAll(() => limited.close());

  it('refuses a third code request from one address, whatever the phone', async () => {
    const ask = (remoteAddress: string) =>
      limited.inject({
        method: 'POST',
        url: '/api/v1/my-bookings/sign-in-codes',
        payload: { phone: uniquePhone() },
        remoteAddress,
      });
    expect((await ask('10.1.1.1')).statusCode).toBe(202);
    expect((await ask('10.1.1.1')).statusCode).toBe(202);
    const refused = await ask('10.1.1.1');
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json()).toMatchObject({ code: 'rate_limited' });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect((await ask('10.2.2.2')).statusCode).toBe(202);
  });
});

describe('the log transport', () => {
  it('notes that a code went out to a masked number, without the number or the code', async () => {
    const phone = uniquePhone();
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/my-bookings/sign-in-codes',
      payload: { phone },
    });
    expect(res.statusCode).toBe(202);
    const noted = lines.filter((l) => l.includes('sign-in code to'));
    expect(noted.length).toBeGreaterThan(0);
    expect(lines.join('\n')).not.toContain(phone.slice(3));
    expect(await db.phoneSignInCode.count({ where: { phone } })).toBe(1);
  });
});

function jwt(key: Buffer | string, claims: object, audience: string, lifetime: number): string {
  const iat = Math.floor(Date.now() / 1000);
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const body = `${part({ alg: 'HS256', typ: 'JWT' })}.${part({
    ...claims,
    iss: 'sevabook',
    aud: audience,
    iat: iat - Math.abs(lifetime) - 10,
    exp: iat + lifetime,
  })}`;
  return `${body}.${createHmac('sha256', key).update(body).digest('base64url')}`;
}

function devoteeToken(claims: object, lifetime: number): string {
  const key = Buffer.from(hkdfSync('sha256', TEST_JWT_SECRET, 'sevabook', 'devotee session', 32));
  return jwt(key, claims, 'sevabook-devotee', lifetime);
}

function staffSignedToken(claims: object): string {
  return jwt(TEST_JWT_SECRET, claims, 'sevabook-staff', 600);
}
