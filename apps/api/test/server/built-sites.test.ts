import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import security from '../../src/plugins/security.ts';
import spa from '../../src/plugins/spa.ts';
import { testConfig } from '../app.ts';

/**
 * The built sites as a phone on a slow line gets them: compressed as the build left them, hashed
 * assets cached for a year, pages revalidated. The sites here are small fixtures laid out as
 * Vite builds them (file, file.br, file.gz), so the test needs no build.
 */

const page = (title: string) =>
  `<!doctype html><html><head><title>${title}</title>` +
  `<script type="module" src="/assets/index-Ab12Cd34.js"></script></head>` +
  `<body><div id="root"></div></body></html>`;
const script = `console.log(${JSON.stringify('a devotee site '.repeat(200))});\n`;

function writeBuilt(root: string, path: string, content: string): void {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), content);
  writeFileSync(join(root, `${path}.br`), brotliCompressSync(content));
  writeFileSync(join(root, `${path}.gz`), gzipSync(content));
}

let dir: string;
let app: FastifyInstance;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sevabook-sites-'));
  writeBuilt(join(dir, 'web'), 'index.html', page('Seva booking'));
  writeBuilt(join(dir, 'web'), 'assets/index-Ab12Cd34.js', script);
  writeBuilt(join(dir, 'admin'), 'index.html', page('Sevabook admin'));
  writeBuilt(join(dir, 'admin'), 'assets/index-Ef56Gh78.js', script);
  app = Fastify();
  app.decorate('config', testConfig());
  await app.register(security);
  await app.register(spa, {
    sites: [
      { prefix: '/admin/', root: join(dir, 'admin') },
      { prefix: '/', root: join(dir, 'web') },
    ],
  });
  await app.ready();
});

afterAll(async () => {
  await app?.close();
  rmSync(dir, { recursive: true, force: true });
});

const get = (url: string, headers: Record<string, string> = {}) =>
  app.inject({ method: 'GET', url, headers: { accept: 'text/html', ...headers } });

describe('the built sites', () => {
  it('sends a hashed script brotli-compressed to a browser that takes brotli', async () => {
    const res = await get('/assets/index-Ab12Cd34.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(res.rawPayload.length).toBeLessThan(script.length / 5);
  });

  it('sends it gzipped to a browser that takes only gzip, and plain to one that takes neither', async () => {
    const gzipped = await get('/assets/index-Ab12Cd34.js', { 'accept-encoding': 'gzip' });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    const plain = await get('/assets/index-Ab12Cd34.js', { 'accept-encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);
  });

  it('lets browsers keep hashed assets for a year without asking again', async () => {
    for (const url of ['/assets/index-Ab12Cd34.js', '/admin/assets/index-Ef56Gh78.js']) {
      const res = await get(url, { 'accept-encoding': 'br' });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('public, max-age=31536000, immutable');
    }
  });

  it('has browsers revalidate the page itself, and answers 304 when it has not changed', async () => {
    const first = await get('/', { 'accept-encoding': 'br' });
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-encoding']).toBe('br');
    expect(first.headers['cache-control']).toBe('no-cache');
    const etag = first.headers.etag;
    expect(etag).toBeTruthy();
    const again = await get('/', { 'accept-encoding': 'br', 'if-none-match': String(etag) });
    expect(again.statusCode).toBe(304);
  });

  it.each([
    ['/sevas/3', 'Seva booking'],
    ['/admin/day', 'Sevabook admin'],
  ])(
    'answers the deep link %s with its site, compressed, fresh and under the CSP',
    async (url, title) => {
      const res = await get(url, { 'accept-encoding': 'gzip, br' });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-encoding']).toBe('br');
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.headers['content-security-policy']).toMatch(/script-src 'self'/);
      const plain = await get(url);
      expect(plain.body).toContain(`<title>${title}</title>`);
    },
  );

  it('still answers an unknown API path with a problem, not a page', async () => {
    const res = await get('/api/v1/nothing-here', { 'accept-encoding': 'br' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  });
});
