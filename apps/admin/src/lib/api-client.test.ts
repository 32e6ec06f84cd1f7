import type { StaffUser } from '@sevabook/shared';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, apiRequest, NetworkError } from './api-client.ts';
import { sessionStore } from './session.ts';

const user: StaffUser = {
  id: 1,
  email: 'admin@example.test',
  name: 'Admin',
  role: 'admin',
  active: true,
  mustChangePassword: false,
  lastLoginAt: null,
  createdAt: '2026-11-01T00:00:00.000Z',
};

const json = (status: number, body: unknown, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });
const problem = (status: number, code: string) =>
  json(status, { type: 'about:blank', title: code, status, code }, 'application/problem+json');

describe('apiRequest', () => {
  const fetchMock = vi.fn<typeof fetch>();
  beforeEach(() => {
    vi.stubGlobal('fetch', fetchMock);
    sessionStore.signIn({ accessToken: 'old-token', user });
  });
  afterEach(() => {
    fetchMock.mockReset();
    vi.unstubAllGlobals();
  });

  it('sends the staff token as a bearer header', async () => {
    fetchMock.mockResolvedValueOnce(json(200, { ok: true }));
    await apiRequest('/admin/bookings');
    const [, init] = fetchMock.mock.calls[0]!;
    expect((init?.headers as Record<string, string>).Authorization).toBe('Bearer old-token');
  });

  it('renews an expired token once through the refresh cookie and repeats the request', async () => {
    fetchMock
      .mockResolvedValueOnce(problem(401, 'unauthorized'))
      .mockResolvedValueOnce(json(200, { accessToken: 'new-token', user }))
      .mockResolvedValueOnce(json(200, { items: [] }));
    await expect(apiRequest('/admin/bookings')).resolves.toEqual({ items: [] });
    expect(fetchMock.mock.calls.map(([url]) => url)).toEqual([
      '/api/v1/admin/bookings',
      '/api/v1/auth/refresh',
      '/api/v1/admin/bookings',
    ]);
    const [, retried] = fetchMock.mock.calls[2]!;
    expect((retried?.headers as Record<string, string>).Authorization).toBe('Bearer new-token');
  });

  it('signs the user out, as expired, when the session cannot be renewed', async () => {
    fetchMock
      .mockResolvedValueOnce(problem(401, 'unauthorized'))
      .mockResolvedValueOnce(problem(401, 'unauthorized'));
    await expect(apiRequest('/admin/bookings')).rejects.toBeInstanceOf(ApiError);
    expect(sessionStore.get()).toEqual({ status: 'signed-out', reason: 'expired' });
  });

  it('shares one refresh between requests that fail together', async () => {
    fetchMock.mockImplementation(async (url) => {
      if (url === '/api/v1/auth/refresh') return json(200, { accessToken: 'new-token', user });
      return sessionStore.accessToken() === 'new-token'
        ? json(200, {})
        : problem(401, 'unauthorized');
    });
    await Promise.all([apiRequest('/a'), apiRequest('/b'), apiRequest('/c')]);
    expect(fetchMock.mock.calls.filter(([url]) => url === '/api/v1/auth/refresh')).toHaveLength(1);
  });

  it('turns a problem document into an ApiError with its code', async () => {
    fetchMock.mockResolvedValueOnce(problem(409, 'slot_full'));
    const error = await apiRequest('/admin/bookings', { method: 'POST', body: {} }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('slot_full');
  });

  it('turns an HTML error page into a problem the screens can word', async () => {
    fetchMock.mockResolvedValueOnce(new Response('<html>Bad gateway</html>', { status: 502 }));
    const error = (await apiRequest('/x').catch((e: unknown) => e)) as ApiError;
    expect(error.code).toBe('service_unavailable');
  });

  it('reports no answer at all as a NetworkError', async () => {
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    await expect(apiRequest('/x')).rejects.toBeInstanceOf(NetworkError);
  });
});
