import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, apiRequest, NetworkError, readProblem } from './api-client.ts';

afterEach(() => vi.unstubAllGlobals());

function respond(status: number, body: string, type = 'application/problem+json') {
  const fetch = vi.fn(
    async () => new Response(body, { status, headers: { 'content-type': type } }),
  );
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

describe('apiRequest', () => {
  it('reads a problem+json body into an ApiError with its code and fields', async () => {
    respond(
      422,
      JSON.stringify({
        type: 'about:blank',
        title: 'Invalid',
        status: 422,
        code: 'validation_failed',
        errors: [{ path: 'phone', message: 'bad' }],
      }),
    );
    const error = await apiRequest('/bookings', { method: 'POST', body: {} }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('validation_failed');
    expect((error as ApiError).problem.errors).toEqual([{ path: 'phone', message: 'bad' }]);
  });

  it('turns an HTML error page from a proxy into a problem the screens can word', async () => {
    respond(502, '<html>Bad gateway</html>', 'text/html');
    const error = (await apiRequest('/sevas').catch((e: unknown) => e)) as ApiError;
    expect(error.code).toBe('service_unavailable');
    expect(error.status).toBe(502);
  });

  it('reports a failed connection as a NetworkError', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    await expect(apiRequest('/sevas')).rejects.toBeInstanceOf(NetworkError);
  });

  it('sends JSON with the given headers under /api/v1', async () => {
    const fetch = respond(201, '{"reference":"SB-7K3Q9P"}', 'application/json');
    await apiRequest('/bookings', {
      method: 'POST',
      body: { a: 1 },
      headers: { 'Idempotency-Key': 'k-1' },
    });
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/v1/bookings');
    expect(init.body).toBe('{"a":1}');
    expect(init.headers).toMatchObject({
      'Content-Type': 'application/json',
      'Idempotency-Key': 'k-1',
    });
  });
});

describe('readProblem', () => {
  it('words a bare 401 and 403 as unauthorized and forbidden', async () => {
    expect((await readProblem(new Response('', { status: 401 }))).code).toBe('unauthorized');
    expect((await readProblem(new Response('', { status: 403 }))).code).toBe('forbidden');
    expect((await readProblem(new Response('', { status: 500 }))).code).toBe('internal_error');
  });
});
