import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import security from '../../src/plugins/security.ts';
import spa from '../../src/plugins/spa.ts';
import { testConfig } from '../app.ts';

/**
 * Razorpay's Checkout runs on the devotee site's payment step and nowhere else: only the page at
 * /pay/:reference lets the checkout script's origin in (script-src) and its payment frame
 * (frame-src); every other page keeps the strict policy, and without online payment so does
 * the payment step.
 */

const builtPage =
  '<!doctype html><html><head><!--temple--><!--/temple--><title>Seva booking</title></head>' +
  '<body><div id="root"></div></body></html>';

const razorpay = {
  keyId: 'rzp_test_csp',
  keySecret: 'not-used-here',
  webhookSecret: undefined,
  apiBase: 'http://127.0.0.1:45123',
  checkoutUrl: 'http://127.0.0.1:45124/v1/checkout.js',
};

let dir: string;
const apps: FastifyInstance[] = [];

async function siteWith(online: boolean): Promise<FastifyInstance> {
  const app = Fastify();
  app.decorate('config', testConfig(online ? { razorpay } : { razorpay: undefined }));
  await app.register(security);
  await app.register(spa, {
    sites: [
      { prefix: '/admin/', root: dir },
      { prefix: '/', root: dir },
    ],
  });
  await app.ready();
  apps.push(app);
  return app;
}

async function policyOf(app: FastifyInstance, url: string): Promise<Map<string, string[]>> {
  const res = await app.inject({ method: 'GET', url, headers: { accept: 'text/html' } });
  expect(res.statusCode, url).toBe(200);
  const header = String(res.headers['content-security-policy'] ?? '');
  return new Map(
    header.split(';').map((d) => {
      const [name = '', ...values] = d.trim().split(/\s+/);
      return [name, values] as const;
    }),
  );
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sevabook-payment-csp-'));
  writeFileSync(join(dir, 'index.html'), builtPage);
});

afterAll(async () => {
  for (const app of apps) await app.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the Content-Security-Policy of the devotee site’s pages', () => {
  it('lets Razorpay’s Checkout in on the payment step only', async () => {
    const app = await siteWith(true);
    const pay = await policyOf(app, '/pay/SB-7K3Q9P?token=abc');
    expect(pay.get('script-src')).toEqual(["'self'", 'http://127.0.0.1:45124']);
    expect(pay.get('frame-src')).toEqual(['http://127.0.0.1:45124', 'http://127.0.0.1:45123']);
    expect(pay.get('connect-src')).toEqual([
      "'self'",
      'http://127.0.0.1:45124',
      'http://127.0.0.1:45123',
    ]);
    // The rest of the strict policy stands on the payment step too.
    expect(pay.get('default-src')).toEqual(["'self'"]);
    expect(pay.get('object-src')).toEqual(["'none'"]);
    expect(pay.get('frame-ancestors')).toEqual(["'none'"]);

    for (const url of [
      '/',
      '/sevas/3',
      '/manage/SB-7K3Q9P?token=abc',
      '/booked/SB-7K3Q9P',
      '/pay',
      '/pay/SB-7K3Q9P/more',
      '/admin/pay/SB-7K3Q9P',
    ]) {
      const policy = await policyOf(app, url);
      expect(policy.get('script-src'), url).toEqual(["'self'"]);
      expect(policy.get('connect-src'), url).toEqual(["'self'"]);
      expect(policy.has('frame-src'), url).toBe(false);
    }
  });

  it('keeps the strict policy on the payment step when online payment is off', async () => {
    const app = await siteWith(false);
    const pay = await policyOf(app, '/pay/SB-7K3Q9P?token=abc');
    expect(pay.get('script-src')).toEqual(["'self'"]);
    expect(pay.has('frame-src')).toBe(false);
  });
});
