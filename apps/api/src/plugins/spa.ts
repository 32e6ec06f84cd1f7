import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fp from 'fastify-plugin';
import fastifyStatic from '@fastify/static';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sendProblem } from './problem-errors.ts';

const appsDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const webDist = resolve(appsDir, 'web/dist');
export const adminDist = resolve(appsDir, 'admin/dist');

export interface BuiltSite {
  /** Where the site is served: '/admin/' or '/'; the more specific prefix comes first. */
  prefix: string;
  /** Its build output (index.html, assets/). */
  root: string;
}

/** Hashed file names (Vite's `assets/`) change whenever their content does. */
const HASHED_ASSET = /[\\/]assets[\\/]/;

/**
 * Serves the built devotee site at / and the admin site at /admin/, with client-side routes
 * falling back to each SPA's index.html. Unknown /api paths stay problem+json 404s.
 *
 * Each file is sent as the build compressed it (`.br`, `.gz` beside it, written by the sites'
 * Vite configs), by the client's Accept-Encoding: nothing is compressed per request. Hashed
 * assets are cached for a year; index.html and the favicon are revalidated by their ETag, so a
 * new build reaches everyone on their next visit.
 */
export default fp<{ sites?: BuiltSite[] }>(async function spa(app, options) {
  const sites = (
    options.sites ?? [
      { prefix: '/admin/', root: adminDist },
      { prefix: '/', root: webDist },
    ]
  ).filter((site) => existsSync(resolve(site.root, 'index.html')));

  for (const [i, site] of sites.entries()) {
    await app.register(fastifyStatic, {
      root: site.root,
      prefix: site.prefix,
      decorateReply: i === 0,
      wildcard: false,
      index: ['index.html'],
      preCompressed: true,
      setHeaders: (res, path) => {
        res.header(
          'cache-control',
          HASHED_ASSET.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
  }
  // The admin site lives under /admin/; without the slash the browser would resolve its assets
  // against / and the devotee site's fallback would answer.
  app.get('/admin', { schema: { hide: true } }, (_request, reply) =>
    reply.redirect('/admin/', 301),
  );

  if (sites.length === 0) {
    app.log.warn('No built SPA found (run `pnpm build`); serving the API only');
  }

  app.setNotFoundHandler((request: FastifyRequest, reply: FastifyReply) => {
    const path = request.url.split('?')[0] ?? '/';
    const wantsPage =
      request.method === 'GET' &&
      !path.startsWith('/api/') &&
      (request.headers.accept ?? '').includes('text/html');
    const site = wantsPage ? sites.find((s) => path.startsWith(s.prefix)) : undefined;
    if (site) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html', site.root);
    }
    return sendProblem(
      reply,
      404,
      'not_found',
      'Not found',
      `No route for ${request.method} ${path}.`,
    );
  });
});
