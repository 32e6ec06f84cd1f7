import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import security from '../../src/plugins/security.ts';
import spa from '../../src/plugins/spa.ts';
import { testConfig } from '../app.ts';

/**
 * The devotee site's page arrives with the temple in it: its name in the header drawn before the
 * scripts run, and what GET /api/v1/temple answers in a meta tag, so the scripts need not ask.
 */

const builtPage =
  '<!doctype html><html><head><!--temple--><link rel="preload" href="/api/v1/temple" as="fetch" />' +
  '<!--/temple--><title>Seva booking</title></head>' +
  '<body><div id="root"><header><p><!--temple-name--></p></header></div></body></html>';

let dir: string;
const apps: FastifyInstance[] = [];

async function siteFor(templeName: string): Promise<FastifyInstance> {
  const app = Fastify();
  app.decorate('config', testConfig({ templeName, templeTimeZone: 'Asia/Kolkata' }));
  await app.register(security);
  await app.register(spa, { sites: [{ prefix: '/', root: dir }] });
  await app.ready();
  apps.push(app);
  return app;
}

const get = (app: FastifyInstance, url: string, headers: Record<string, string> = {}) =>
  app.inject({ method: 'GET', url, headers: { accept: 'text/html', ...headers } });

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sevabook-temple-page-'));
  writeFileSync(join(dir, 'index.html'), builtPage);
});

afterAll(async () => {
  for (const app of apps) await app.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the devotee site’s page', () => {
  it('names the temple in its header and carries the temple instead of asking for it', async () => {
    const app = await siteFor('Sri Krishna Mutt');
    const res = await get(app, '/');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.body).toContain('<p>Sri Krishna Mutt</p>');
    expect(res.body).not.toContain('/api/v1/temple');
    const content = /<meta name="sevabook-temple" content="([^"]*)"/.exec(res.body)?.[1];
    const temple = JSON.parse(content!.replaceAll('&quot;', '"')) as Record<string, unknown>;
    expect(temple).toMatchObject({ name: 'Sri Krishna Mutt', timeZone: 'Asia/Kolkata' });
    // The home page's list is asked for while the scripts download; other pages do not ask.
    expect(res.body).toContain('<link rel="preload" href="/api/v1/sevas" as="fetch"');
    const head = await app.inject({ method: 'HEAD', url: '/' });
    expect(head.statusCode).toBe(200);
    expect(head.headers.etag).toBe(res.headers.etag);
    const deep = await get(app, '/sevas/3');
    expect(deep.body).toContain('<p>Sri Krishna Mutt</p>');
    expect(deep.body).not.toContain('/api/v1/sevas"');
    // A seva's page names the seva, its slots and closed dates in its Link header.
    expect(deep.headers.link).toMatch(
      /^<\/api\/v1\/sevas\/3>; rel=preload; as=fetch; crossorigin=anonymous, <\/api\/v1\/slots\?from=\d{4}-\d\d-\d\d&to=\d{4}-\d\d-\d\d&sevaId=3>/,
    );
    expect(deep.headers.link).toContain('</api/v1/closed-dates?from=');
  });

  it('escapes the name, in the header and in the meta tag alike', async () => {
    const app = await siteFor('Mutt <script>alert("x")</script> & Co\'s $&');
    const res = await get(app, '/sevas/3');
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('<script>');
    expect(res.body).toContain(
      '<p>Mutt &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co&#39;s $&amp;</p>',
    );
    expect(res.headers['content-security-policy']).toMatch(/script-src 'self'/);
  });

  it('is sent compressed, revalidated, 304 while unchanged, and under a new ETag when the name changes', async () => {
    const before = await siteFor('Sri Krishna Mutt');
    const first = await get(before, '/', { 'accept-encoding': 'gzip, br' });
    expect(first.headers['content-encoding']).toBe('br');
    expect(first.headers['cache-control']).toBe('no-cache');
    expect(brotliDecompressSync(first.rawPayload).toString()).toContain('Sri Krishna Mutt');
    const etag = String(first.headers.etag);
    const again = await get(before, '/index.html', { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);

    const renamed = await siteFor('Sri Raghavendra Mutt');
    const after = await get(renamed, '/', { 'if-none-match': etag });
    expect(after.statusCode).toBe(200);
    expect(after.headers.etag).not.toBe(etag);
    expect(after.body).toContain('Sri Raghavendra Mutt');
  });
});
