import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';
import { appForSuite, buildTestApp } from '../app.ts';

/**
 * Everything anyone can reach without signing in counts against one per-address limit, and the
 * address is the client's own: X-Forwarded-For is believed only from the proxies named.
 */
describe('the per-address limit outside the API', () => {
  const app = appForSuite(() => buildTestApp({ rateLimitPerIpPerMin: 2 }));
  const from = (url: string, remoteAddress: string) => app.inject({ url, remoteAddress });

  it.each([
    ['/readyz', '198.51.100.1'],
    ['/api/v1/openapi.json', '198.51.100.2'],
    ['/docs', '198.51.100.3'],
  ])('answers %s with 429 problem+json past the limit', async (url, address) => {
    const answers = [await from(url, address), await from(url, address), await from(url, address)];
    expect(answers.slice(0, 2).every((r) => r.statusCode < 400)).toBe(true);
    expect(answers[2]!.statusCode).toBe(429);
    expect(answers[2]!.headers['content-type']).toContain('application/problem+json');
    expect(answers[2]!.json()).toMatchObject({ code: 'rate_limited' });
    expect(answers[2]!.headers['retry-after']).toBeDefined();
  });

  it('counts /readyz apart from the API, so readiness checks never use up its allowance', async () => {
    const address = '198.51.100.9';
    await from('/readyz', address);
    await from('/readyz', address);
    expect((await from('/readyz', address)).statusCode).toBe(429);
    expect((await from('/api/v1/sevas', address)).statusCode).toBe(200);
  });

  it('leaves /healthz alone, for load balancers that ask every second', async () => {
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await from('/healthz', '203.0.113.77'));
    expect(answers.map((r) => r.statusCode)).toEqual([200, 200, 200, 200]);
  });
});

describe('TRUST_PROXY', () => {
  it('refuses true at start-up, naming what to set instead', () => {
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(ConfigError);
    expect(() => loadConfig({ TRUST_PROXY: 'TRUE' })).toThrow(/number of proxies/);
  });

  it('takes a hop count or proxy addresses', () => {
    const oneHop = loadConfig({ TRUST_PROXY: '1' }).trustProxy as (a: string, h: number) => boolean;
    expect(oneHop('10.0.0.2', 0)).toBe(true);
    expect(oneHop('203.0.113.5', 1)).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }).trustProxy).toEqual([
      '10.0.0.0/8',
      '127.0.0.1',
    ]);
  });
});
