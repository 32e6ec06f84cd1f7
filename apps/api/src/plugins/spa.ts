import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import fp from 'fastify-plugin';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { preloadLinkHeader, sevaPagePreloads } from './page-preloads.ts';
import { sendProblem } from './problem-errors.ts';
import { securityHeaders } from './security.ts';

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

/** The temple as `GET /api/v1/temple` answers it, for the page to start with. */
interface TempleFacts {
  name: string;
  timeZone: string;
  personalDataRetentionDays: number;
}

/**
 * The devotee site's payment step (apps/web, /pay/:reference): the one page whose policy lets
 * Razorpay's Checkout in. Every other page keeps the strict policy of security.ts, so a script
 * from another origin can never run where a devotee types their details or manages a booking.
 */
const PAYMENT_PAGE = /^\/pay\/[^/]+\/?$/;

/** Where Razorpay's Checkout comes from: its script, and the API its payment frame is served by. */
export interface CheckoutOrigins {
  /** The origin of RAZORPAY_CHECKOUT_URL (https://checkout.razorpay.com). */
  script: string;
  /** The origin of RAZORPAY_API_BASE (https://api.razorpay.com). */
  api: string;
}

/**
 * The strict policy with Checkout let in: its script (script-src), its payment frame, which
 * Razorpay serves from either origin (frame-src), and the calls the script makes (connect-src).
 */
export function paymentPagePolicy(policy: string, checkout: CheckoutOrigins): string {
  const origins = [...new Set([checkout.script, checkout.api])];
  const added: Record<string, string[]> = {
    'script-src': [checkout.script],
    'frame-src': origins,
    'connect-src': origins,
  };
  const directives = policy.split(';').map((d) => d.trim().split(/\s+/));
  for (const [name, values] of Object.entries(added)) {
    const directive = directives.find(([n]) => n === name);
    if (directive) directive.push(...values.filter((v) => !directive.includes(v)));
    else directives.push([name, ...values]);
  }
  return directives.map((d) => d.join(' ')).join(';');
}

/** Razorpay's origins when online payment is configured; none without a key. */
function checkoutOriginsOf(config: FastifyInstance['config']): CheckoutOrigins | undefined {
  const razorpay = config.razorpay;
  if (!razorpay) return undefined;
  return {
    script: new URL(razorpay.checkoutUrl).origin,
    api: new URL(razorpay.apiBase ?? 'https://api.razorpay.com').origin,
  };
}

/** A page with the temple filled in, compressed once, with an ETag of its own content. */
interface FilledPage {
  etag: string;
  plain: Buffer;
  br: Buffer;
  gzip: Buffer;
}

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

/**
 * The devotee site's index.html marks where the temple goes: `<!--temple-name-->` in the header
 * drawn before the scripts run, and `<!--temple-->…<!--/temple-->` around the request that would
 * otherwise ask for it. Filled in once at start-up, so the first paint shows the temple's name
 * and the scripts need not wait for it. No inline script (the CSP has none): the temple travels
 * as a meta tag's content. A site without the marks is served as built.
 */
function fillTemple(html: string, temple: TempleFacts, extraHead = ''): string | undefined {
  const region = /<!--temple-->[\s\S]*?<!--\/temple-->/;
  if (!region.test(html)) return undefined;
  const meta = `<meta name="sevabook-temple" content="${escapeHtml(JSON.stringify(temple))}" />`;
  // Replaced by functions: a replacement string would read `$&` in a name as a pattern.
  return html
    .replace(region, () => meta + extraHead)
    .replaceAll('<!--temple-name-->', () => escapeHtml(temple.name));
}

function compressPage(html: string): FilledPage {
  const plain = Buffer.from(html);
  const etag = `"${createHash('sha256').update(plain).digest('base64url').slice(0, 22)}"`;
  return { etag, plain, br: brotliCompressSync(plain), gzip: gzipSync(plain) };
}

/**
 * The page for the site's home and for every other path. The home page's list of sevas is asked
 * for from its head, while the scripts download, rather than once they have run.
 */
function fillPages(
  root: string,
  temple: TempleFacts,
): { home: FilledPage; other: FilledPage } | undefined {
  const built = readFileSync(resolve(root, 'index.html'), 'utf8');
  const other = fillTemple(built, temple);
  const home = fillTemple(
    built,
    temple,
    '<link rel="preload" href="/api/v1/sevas" as="fetch" crossorigin="anonymous" />',
  );
  if (other === undefined || home === undefined) return undefined;
  return { home: compressPage(home), other: compressPage(other) };
}

function sendFilledPage(request: FastifyRequest, reply: FastifyReply, page: FilledPage) {
  void reply
    .code(200)
    .type('text/html; charset=utf-8')
    .header('cache-control', 'no-cache')
    .header('vary', 'accept-encoding')
    .header('etag', page.etag);
  const known = (request.headers['if-none-match'] ?? '')
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''));
  if (known.includes(page.etag)) return reply.code(304).send();
  const accepted = request.headers['accept-encoding'] ?? '';
  if (/\bbr\b/.test(accepted)) return reply.header('content-encoding', 'br').send(page.br);
  if (/\bgzip\b/.test(accepted)) return reply.header('content-encoding', 'gzip').send(page.gzip);
  return reply.send(page.plain);
}

/**
 * Serves the built devotee site at / and the admin site at /admin/, with client-side routes
 * falling back to each SPA's index.html. Unknown /api paths stay problem+json 404s.
 *
 * Each file is sent as the build compressed it (`.br`, `.gz` beside it, written by the sites'
 * Vite configs), by the client's Accept-Encoding: nothing is compressed per request. Hashed
 * assets are cached for a year; index.html and the favicon are revalidated by their ETag, so a
 * new build reaches everyone on their next visit. The devotee site's page carries the temple's
 * name (see fillTemple); its ETag changes with the name.
 */
export default fp<{ sites?: BuiltSite[]; checkout?: CheckoutOrigins }>(
  async function spa(app, options) {
    const sites = (
      options.sites ?? [
        { prefix: '/admin/', root: adminDist },
        { prefix: '/', root: webDist },
      ]
    ).filter((site) => existsSync(resolve(site.root, 'index.html')));
    const temple: TempleFacts = {
      name: app.config.templeName,
      timeZone: app.config.templeTimeZone,
      personalDataRetentionDays: app.config.personalDataRetentionDays,
    };
    const filled = new Map(sites.map((site) => [site, fillPages(site.root, temple)]));
    const checkout = options.checkout ?? checkoutOriginsOf(app.config);
    const paymentPolicy =
      checkout && paymentPagePolicy(securityHeaders['content-security-policy'] ?? '', checkout);

    for (const [i, site] of sites.entries()) {
      await app.register(fastifyStatic, {
        root: site.root,
        prefix: site.prefix,
        decorateReply: i === 0,
        wildcard: false,
        index: ['index.html'],
        preCompressed: true,
        // A filled page is sent by the not-found handler below, never as the file built.
        ...(filled.get(site) && {
          allowedPath: (path: string) => !/(^|\/)(index\.html)?$/.test(path),
        }),
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
      const reads = request.method === 'GET' || request.method === 'HEAD';
      const wantsPage =
        reads && !path.startsWith('/api/') && (request.headers.accept ?? '').includes('text/html');
      const home = sites.find((s) => path === s.prefix || path === `${s.prefix}index.html`);
      const site =
        reads && home ? home : wantsPage ? sites.find((s) => path.startsWith(s.prefix)) : undefined;
      const pages = site && filled.get(site);
      if (site?.prefix === '/' && paymentPolicy && PAYMENT_PAGE.test(path)) {
        void reply.header('content-security-policy', paymentPolicy);
      }
      if (pages) {
        if (site === home) return sendFilledPage(request, reply, pages.home);
        const preloads = sevaPagePreloads(path, temple.timeZone);
        if (preloads.length > 0) void reply.header('link', preloadLinkHeader(preloads));
        return sendFilledPage(request, reply, pages.other);
      }
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
  },
);
