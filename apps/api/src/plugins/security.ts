import type { IncomingMessage, ServerResponse } from 'node:http';
import fp from 'fastify-plugin';
import helmet from 'helmet';
import cors from '@fastify/cors';

const helmetOptions: Parameters<typeof helmet>[0] = {
  contentSecurityPolicy: {
    directives: {
      defaultSrc: ["'self'"],
      // Mantine writes component styles inline.
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      scriptSrc: ["'self'"],
      objectSrc: ["'none'"],
      frameAncestors: ["'none'"],
    },
  },
  // The .ics file and QR images are opened from other apps.
  crossOriginResourcePolicy: { policy: 'same-site' },
};

/**
 * The headers helmet sets, worked out once. NOTE: @fastify/helmet builds helmet's middleware
 * again for every request, a measurable share of a cached GET /slots (bench/README.md); with
 * one fixed policy (no per-request nonces) the headers are the same every time.
 */
export const securityHeaders: Readonly<Record<string, string>> = helmetHeaders();

function helmetHeaders(): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: string) => {
      headers[name.toLowerCase()] = value;
    },
    removeHeader: (name: string) => {
      delete headers[name.toLowerCase()];
    },
  };
  helmet(helmetOptions)(
    {} as IncomingMessage,
    response as unknown as ServerResponse,
    (error?: unknown) => {
      if (error) throw error instanceof Error ? error : new Error('helmet refused its options');
    },
  );
  return headers;
}

/** Security headers on every response, and CORS only for the configured origins. */
export default fp(async function security(app) {
  app.addHook('onRequest', (_request, reply, done) => {
    void reply.headers(securityHeaders);
    done();
  });
  await app.register(cors, {
    origin: app.config.corsOrigins.length ? app.config.corsOrigins : false,
    credentials: true,
    exposedHeaders: ['retry-after', 'x-ratelimit-remaining', 'location'],
  });
});
