import { describe, expect, it } from 'vitest';
import { appForSuite } from '../app.ts';
import { createSeva, createSlot, uniquePhone } from '../factories.ts';
import { testDb } from '../db.ts';

const app = appForSuite();

describe('a method a known path does not take', () => {
  it('answers 405 problem+json with Allow, not 404', async () => {
    const response = await app.inject({ method: 'DELETE', url: '/api/v1/slots' });
    expect(response.statusCode).toBe(405);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.headers.allow).toBe('GET, HEAD');
    expect(response.json()).toMatchObject({ status: 405, code: 'method_not_allowed' });
  });

  it('says which methods a path with parameters takes', async () => {
    const response = await app.inject({ method: 'PUT', url: '/api/v1/admin/bookings/12' });
    expect(response.statusCode).toBe(405);
    expect(response.headers.allow).toBe('GET, HEAD, PATCH');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });

  it('still answers 404 for a path the API does not know', async () => {
    const response = await app.inject({ method: 'DELETE', url: '/api/v1/nothing-here' });
    expect(response.statusCode).toBe(404);
    expect(response.headers.allow).toBeUndefined();
  });
});

describe('an empty body sent as application/json', () => {
  it('is no body where the body is optional: a devotee cancels without a reason', async () => {
    const seva = await createSeva(testDb());
    const slot = await createSlot(testDb(), { sevaId: seva.id });
    const made = await app.inject({
      method: 'POST',
      url: '/api/v1/bookings',
      payload: { slotId: slot.id, devoteeName: 'Empty Body', phone: uniquePhone(), persons: 1 },
    });
    const { reference, manageToken } = made.json<{ reference: string; manageToken: string }>();
    const response = await app.inject({
      method: 'POST',
      url: `/api/v1/bookings/${reference}/cancel`,
      headers: { 'content-type': 'application/json', 'x-booking-token': manageToken },
      payload: '',
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ reference, status: 'cancelled' });
  });

  it('is refused as a missing body, 422, where the body is required', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/bookings',
      headers: { 'content-type': 'application/json' },
      payload: '',
    });
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ code: 'validation_failed' });
  });

  it('is still 400 invalid_json when it is not JSON', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/bookings',
      headers: { 'content-type': 'application/json' },
      payload: '{"slotId":',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'invalid_json' });
  });
});
