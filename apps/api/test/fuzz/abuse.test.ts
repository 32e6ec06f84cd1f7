import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { appForSuite, buildTestApp } from '../app.ts';
import { testDb } from '../db.ts';
import { createSeva, createSlot, uniquePhone } from '../factories.ts';
import { buildStaffApp, createStaffUser, TEST_PASSWORD } from '../staff-factories.ts';

/** Abuse a public API meets: floods, one phone taking every place, probing for references. */

const db = testDb();

function bookingBody(slotId: number, phone = uniquePhone()) {
  return { slotId, devoteeName: 'Abuse Test', phone, persons: 1 };
}

function expectProblem(
  response: { statusCode: number; headers: Record<string, unknown>; json: () => unknown },
  status: number,
  code: string,
) {
  expect(response.statusCode).toBe(status);
  expect(String(response.headers['content-type'])).toContain('application/problem+json');
  expect(response.json()).toMatchObject({ status, code });
}

describe('rate limits', () => {
  const app = appForSuite(() => buildTestApp({ rateLimitPerIpPerMin: 5 }));

  it('answers 429 problem+json with Retry-After once an address books too often', async () => {
    const slot = await createSlot(db, { capacity: 50 });
    const answers = [];
    for (let i = 0; i < 7; i++) {
      answers.push(
        await app.inject({
          method: 'POST',
          url: '/api/v1/bookings',
          payload: bookingBody(slot.id),
          remoteAddress: '203.0.113.7',
        }),
      );
    }
    expect(answers.slice(0, 5).map((r) => r.statusCode)).toEqual([201, 201, 201, 201, 201]);
    expectProblem(answers[5]!, 429, 'rate_limited');
    expect(Number(answers[5]!.headers['retry-after'])).toBeGreaterThan(0);
    expect((await db.slot.findUniqueOrThrow({ where: { id: slot.id } })).booked).toBe(5);
  });

  it('limits booking lookups per address too, so references cannot be probed in bulk', async () => {
    const answers = [];
    for (let i = 0; i < 6; i++) {
      answers.push(
        await app.inject({
          url: `/api/v1/bookings/SB-AAAA${i}A?token=x`,
          remoteAddress: '203.0.113.8',
        }),
      );
    }
    expect(answers.slice(0, 5).every((r) => r.statusCode === 404)).toBe(true);
    expectProblem(answers[5]!, 429, 'rate_limited');
    expect(answers[5]!.headers['retry-after']).toBeDefined();
  });
});

describe('rate limits behind a load balancer (TRUST_PROXY)', () => {
  const app = appForSuite(() =>
    buildTestApp({
      rateLimitPerIpPerMin: 2,
      trustProxy: loadConfig({ TRUST_PROXY: '1' }).trustProxy,
    }),
  );

  it('counts each devotee behind the proxy, not the proxy', async () => {
    const from = (client: string) =>
      app.inject({
        url: '/api/v1/sevas',
        remoteAddress: '10.0.0.2',
        headers: { 'x-forwarded-for': client },
      });
    const a = [await from('198.51.100.1'), await from('198.51.100.1'), await from('198.51.100.1')];
    const b = await from('198.51.100.2');
    expect(a.map((r) => r.statusCode)).toEqual([200, 200, 429]);
    expect(b.statusCode).toBe(200);
  });
});

describe('login rate limit', () => {
  const app = appForSuite(() => buildStaffApp({ loginRateLimitPerMin: 3 }));

  it('answers 429 problem+json with Retry-After after too many sign-in attempts from one address', async () => {
    const { user } = await createStaffUser(db, { role: 'staff' });
    const answers = [];
    for (let i = 0; i < 4; i++) {
      answers.push(
        await app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { email: user.email, password: i === 3 ? TEST_PASSWORD : 'wrong password!' },
          remoteAddress: '203.0.113.9',
        }),
      );
    }
    expect(answers.slice(0, 3).map((r) => r.statusCode)).toEqual([401, 401, 401]);
    expectProblem(answers[3]!, 429, 'rate_limited');
    expect(answers[3]!.headers['retry-after']).toBeDefined();
  });
});

describe('per-phone cap on bookings of one seva per day', () => {
  const app = appForSuite(() => buildTestApp({ bookingsPerPhonePerSevaPerDay: 2 }));

  it('refuses the third booking of one seva on one day from one phone, and changes nothing', async () => {
    const seva = await createSeva(db);
    const day = new Date(Date.now() + 3 * 86_400_000);
    day.setUTCHours(4, 0, 0, 0);
    const slots = await Promise.all(
      [0, 1, 2].map((h) =>
        createSlot(db, {
          sevaId: seva.id,
          capacity: 10,
          startsAt: new Date(day.getTime() + h * 3_600_000),
        }),
      ),
    );
    const phone = uniquePhone();
    const book = (slotId: number, p = phone) =>
      app.inject({ method: 'POST', url: '/api/v1/bookings', payload: bookingBody(slotId, p) });

    expect((await book(slots[0]!.id)).statusCode).toBe(201);
    expect((await book(slots[1]!.id)).statusCode).toBe(201);
    const third = await book(slots[2]!.id);
    expectProblem(third, 409, 'booking_limit_reached');
    expect((await db.slot.findUniqueOrThrow({ where: { id: slots[2]!.id } })).booked).toBe(0);
    expect(await db.booking.count({ where: { phone } })).toBe(2);
    // Another phone, or the same phone for another seva, is not affected.
    expect((await book(slots[2]!.id, uniquePhone())).statusCode).toBe(201);
    const other = await createSlot(db, { capacity: 5, startsAt: day });
    expect((await book(other.id)).statusCode).toBe(201);
  });
});

describe('booking lookup without its token', () => {
  const app = appForSuite();

  it('answers an existing reference with a wrong or missing token exactly like an unknown one', async () => {
    const slot = await createSlot(db, { capacity: 5 });
    const made = (
      await app.inject({ method: 'POST', url: '/api/v1/bookings', payload: bookingBody(slot.id) })
    ).json<{ reference: string }>();
    const unknown = 'SB-XXXXXX'.replace(
      /X/g,
      () => 'ACDEFGHJKMNPQRTWXY'[Math.floor(Math.random() * 18)]!,
    );
    const shape = (r: { statusCode: number; body: string }) => ({
      status: r.statusCode,
      body: r.body ? { ...(JSON.parse(r.body) as object), instance: undefined } : {},
    });
    for (const [method, suffix] of [
      ['GET', ''],
      ['GET', '.ics'],
      ['POST', '/cancel'],
    ] as const) {
      for (const query of ['', '?token=wrong-token-0123456789']) {
        const real = await app.inject({
          method,
          url: `/api/v1/bookings/${made.reference}${suffix}${query}`,
        });
        const fake = await app.inject({
          method,
          url: `/api/v1/bookings/${unknown}${suffix}${query}`,
        });
        expect(real.statusCode).toBeGreaterThanOrEqual(400);
        expect(shape(real)).toEqual(shape(fake));
      }
    }
    expect(
      (await db.booking.findUniqueOrThrow({ where: { reference: made.reference } })).status,
    ).toBe('confirmed');
  });
});

describe('headers, CORS and request size', () => {
  const app = appForSuite(() => buildTestApp({ corsOrigins: ['https://temple.example'] }));

  it('sends the security headers on every kind of response', async () => {
    const answers = await Promise.all([
      app.inject('/healthz'),
      app.inject('/api/v1/sevas'),
      app.inject('/api/v1/nowhere'),
      app.inject(`/api/v1/bookings/${'A'.repeat(300)}`),
      app.inject({
        method: 'POST',
        url: '/api/v1/bookings',
        payload: '{not json',
        headers: { 'content-type': 'application/json' },
      }),
    ]);
    for (const r of answers) {
      expect(r.headers['x-content-type-options']).toBe('nosniff');
      expect(r.headers['content-security-policy']).toContain("default-src 'self'");
      expect(r.headers['strict-transport-security']).toBeDefined();
      expect(r.headers['x-frame-options']).toBe('SAMEORIGIN');
    }
    expect(answers.map((r) => r.statusCode)).toEqual([200, 200, 404, 414, 400]);
  });

  it('allows only the configured origins to call from a browser', async () => {
    const allowed = await app.inject({
      url: '/api/v1/sevas',
      headers: { origin: 'https://temple.example' },
    });
    expect(allowed.headers['access-control-allow-origin']).toBe('https://temple.example');
    const other = await app.inject({
      url: '/api/v1/sevas',
      headers: { origin: 'https://evil.example' },
    });
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await app.inject({
      method: 'OPTIONS',
      url: '/api/v1/bookings',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('refuses a request body over the limit with 413 problem+json and writes nothing', async () => {
    const slot = await createSlot(db, { capacity: 5 });
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/bookings',
      payload: { ...bookingBody(slot.id), devoteeName: 'x'.repeat(40 * 1024) },
    });
    expectProblem(response, 413, 'payload_too_large');
    expect(await db.booking.count({ where: { slotId: slot.id } })).toBe(0);
  });
});
