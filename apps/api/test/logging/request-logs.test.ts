import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, loggerOptions } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { redactUrl } from '../../src/log-redaction.ts';
import { testDatabase, testDatabaseUrl, testDb } from '../db.ts';
import { createSlot, uniquePhone, uniqueSuffix } from '../factories.ts';
import { bearerFor, createStaffUser, TEST_JWT_SECRET, TEST_PASSWORD } from '../staff-factories.ts';

/**
 * The API's own log stream, captured line by line, while devotees and staff use it with every
 * kind of secret: manage tokens in the query and the header, bearer tokens, a password, the
 * refresh cookie, and a search for a devotee by name. None of it may reach the log.
 */

const lines: string[] = [];
let app: FastifyInstance;

beforeAll(async () => {
  const config = loadConfig({
    NODE_ENV: 'production',
    DATABASE_URL: testDatabaseUrl(),
    PUBLIC_URL: 'https://seva.example.org',
    JWT_SECRET: TEST_JWT_SECRET,
    BOOKING_LINK_SECRET: TEST_JWT_SECRET.split('').reverse().join(''),
    SERVE_SPAS: 'false',
    NOTIFIER: 'off',
    LOG_LEVEL: 'trace',
  });
  app = await buildApp(config, {
    database: testDatabase(),
    logger: { ...loggerOptions(config), stream: { write: (line: string) => lines.push(line) } },
  });
  await app.ready();
});
afterAll(() => app.close());

describe('request logs', () => {
  it('carry no manage token, bearer token, password, refresh cookie, phone or searched name', async () => {
    const slot = await createSlot(testDb(), { capacity: 5 });
    // Letters only, as names are: a surname of the test's own, so the search finds this booking.
    const devoteeName = `Venkatesh ${uniqueSuffix().replace(/[^a-z]/g, '')}Acharya`;
    const phone = uniquePhone();
    const booked = await app.inject({
      method: 'POST',
      url: '/api/v1/bookings',
      payload: { slotId: slot.id, devoteeName, phone, persons: 1 },
    });
    expect(booked.statusCode).toBe(201);
    const { reference, manageToken } = booked.json<{ reference: string; manageToken: string }>();

    const byQuery = await app.inject({ url: `/api/v1/bookings/${reference}?token=${manageToken}` });
    const byHeader = await app.inject({
      url: `/api/v1/bookings/${reference}.ics`,
      headers: { 'x-booking-token': manageToken },
    });
    expect([byQuery.statusCode, byHeader.statusCode]).toEqual([200, 200]);

    const { user } = await createStaffUser(testDb(), { role: 'admin' });
    const signedIn = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: user.email, password: TEST_PASSWORD },
    });
    const refresh = signedIn.cookies.find((c) => c.name === 'sevabook_refresh')!.value;
    const renewed = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      cookies: { sevabook_refresh: refresh },
    });
    expect([signedIn.statusCode, renewed.statusCode]).toEqual([200, 200]);
    const bearer = bearerFor(user);
    const search = await app.inject({
      url: `/api/v1/admin/bookings?q=${encodeURIComponent(devoteeName)}&status=confirmed`,
      headers: bearer,
    });
    expect(search.statusCode).toBe(200);

    const log = lines.join('');
    // The requests were logged, with the URLs' harmless parts as they were.
    expect(log).toContain(`/api/v1/bookings/${reference}?token=[redacted]`);
    expect(log).toContain('/api/v1/admin/bookings?q=[redacted]&status=confirmed');
    for (const secret of [
      manageToken,
      bearer.authorization.slice('Bearer '.length),
      TEST_PASSWORD,
      refresh,
      renewed.cookies.find((c) => c.name === 'sevabook_refresh')!.value,
      phone,
      devoteeName,
      encodeURIComponent(devoteeName),
    ]) {
      expect(log).not.toContain(secret);
    }
  });

  it('redact credentials in headers wherever a request is logged with them', () => {
    lines.length = 0;
    app.log.info(
      {
        req: {
          headers: { authorization: 'Bearer abc.def.ghi', cookie: 'sevabook_refresh=r1' },
        },
        headers: { 'x-booking-token': 't0ken', 'x-api-key': 'sbk_key' },
      },
      'a request with its headers',
    );
    const log = lines.join('');
    expect(log).toContain('a request with its headers');
    for (const secret of ['abc.def.ghi', 'sevabook_refresh=r1', 't0ken', 'sbk_key']) {
      expect(log).not.toContain(secret);
    }
  });
});

describe('other log lines', () => {
  it('mask phone numbers in the text of their fields, as a failed send’s reason carries them', () => {
    lines.length = 0;
    app.log.warn(
      {
        notificationId: 7,
        reason: "The 'To' number whatsapp:+919876543210 is not a valid phone number (HTTP 400)",
      },
      'notifier: message failed for good',
    );
    const log = lines.join('');
    expect(log).not.toContain('9876543210');
    expect(log).toContain('whatsapp:+91 98');
    expect(log).toContain('210 is not a valid phone number');
  });
});

describe('redactUrl', () => {
  it('replaces the values of private parameters, whatever their case or escaping, and keeps the rest', () => {
    expect(redactUrl('/api/v1/bookings/SB-ABC123?token=s3cret')).toBe(
      '/api/v1/bookings/SB-ABC123?token=[redacted]',
    );
    expect(redactUrl('/x?TOKEN=a&page=2&%71=Rao&phone=%2B91')).toBe(
      '/x?TOKEN=[redacted]&page=2&%71=[redacted]&phone=[redacted]',
    );
    expect(redactUrl('/api/v1/slots?from=2026-12-01')).toBe('/api/v1/slots?from=2026-12-01');
    expect(redactUrl('/healthz')).toBe('/healthz');
  });
});
