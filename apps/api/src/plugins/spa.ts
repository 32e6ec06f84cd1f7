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

/**
 * Serves the built devotee site at / and the admin site at /admin/, with client-side routes
 * falling back to each SPA's index.html. Unknown /api paths stay problem+json 404s.
 */
export default fp(async function spa(app) {
  const sites = [
    { prefix: '/admin/', root: adminDist },
    { prefix: '/', root: webDist },
  ].filter((site) => existsSync(resolve(site.root, 'index.html')));

  for (const [i, site] of sites.entries()) {
    await app.register(fastifyStatic, {
      root: site.root,
      prefix: site.prefix,
      decorateReply: i === 0,
      wildcard: false,
      index: ['index.html'],
      // Hashed assets never change; index.html must always be fresh.
      setHeaders: (res, path) => {
        res.header(
          'cache-control',
          path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
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
