import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { buildTestApp, testConfig } from './app.ts';
import { openTestDatabase, testDatabase } from './db.ts';

let app: FastifyInstance;

beforeAll(async () => {
  app = await buildTestApp();
});
afterAll(async () => {
  await app.close();
});

describe('operations', () => {
  it('answers /healthz and /readyz when the database is reachable', async () => {
    expect((await app.inject({ url: '/healthz' })).json()).toEqual({ status: 'ok' });
    expect((await app.inject({ url: '/readyz' })).json()).toEqual({ status: 'ready' });
  });

  it('says not ready, quickly and as problem+json, when the database is away', async () => {
    const nowhere = 'mysql://sevabook:nothing@127.0.0.1:1/sevabook';
    const lost = await buildApp(testConfig({ databaseUrl: nowhere }), {
      database: openTestDatabase(nowhere, 1),
      logger: false,
    });
    try {
      const response = await lost.inject({ url: '/readyz' });
      expect(response.statusCode).toBe(503);
      expect(response.json().code).toBe('service_unavailable');
      const sevas = await lost.inject({ url: '/api/v1/sevas' });
      expect(sevas.statusCode).toBe(503);
      expect(sevas.json().code).toBe('service_unavailable');
      expect(sevas.body).not.toMatch(/sql|prisma|stack/i);
    } finally {
      await lost.close();
      await lost.database.close();
    }
  });

  it('sets security headers on every response', async () => {
    const response = await app.inject({ url: '/api/v1/sevas' });
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
  });
});

describe('GET /api/v1/temple', () => {
  it("gives the temple's name and time zone from the configuration", async () => {
    const named = await buildApp(
      testConfig({ templeName: 'Sri Krishna Mutt', templeTimeZone: 'Asia/Kolkata' }),
      {
        database: testDatabase(),
        logger: false,
      },
    );
    try {
      const response = await named.inject({ url: '/api/v1/temple' });
      expect(response.json()).toEqual({
        name: 'Sri Krishna Mutt',
        timeZone: 'Asia/Kolkata',
        personalDataRetentionDays: 400,
      });
    } finally {
      await named.close();
    }
  });
});

describe('GET /api/v1/openapi.json', () => {
  it('documents every public route with its schemas and problem responses', async () => {
    const doc = (await app.inject({ url: '/api/v1/openapi.json' })).json();
    expect(doc.openapi).toBe('3.1.0');
    for (const path of [
      '/api/v1/sevas',
      '/api/v1/sevas/{id}',
      '/api/v1/slots',
      '/api/v1/slots/{id}',
      '/api/v1/bookings',
      '/api/v1/bookings/{reference}',
      '/api/v1/bookings/{reference}/cancel',
      '/api/v1/bookings/{reference}.ics',
      '/api/v1/availability/stream',
    ]) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
    const post = doc.paths['/api/v1/bookings'].post;
    expect(Object.keys(post.responses)).toEqual(
      expect.arrayContaining(['200', '201', '409', '422']),
    );
    expect(doc.components.schemas).toHaveProperty('Problem');
    expect(doc.components.schemas).toHaveProperty('CreateBooking');
  });

  it('serves a reference UI at /docs', async () => {
    const response = await app.inject({ url: '/docs/' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
  });
});
