import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import rateLimit, { type RateLimitPluginOptions } from '@fastify/rate-limit';
import {
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { LoggerOptions } from 'pino';
import type { Config } from './config.ts';
import type { Database } from './db/database.ts';
import adminRoutes from './admin/routes.ts';
import authPlugin from './auth/auth-plugin.ts';
import authRoutes from './auth/routes.ts';
import { AvailabilityFeed, type AvailabilitySource } from './availability/availability-feed.ts';
import { RedisAvailabilityFeed } from './availability/redis-availability-feed.ts';
import availabilityRoutes from './availability/routes.ts';
import { ManageTokens } from './bookings/manage-token.ts';
import { CheckInCodes } from './check-in/check-in-code.ts';
import bookingRoutes from './bookings/routes.ts';
import healthRoutes from './health/routes.ts';
import { redactingLoggerOptions } from './log-redaction.ts';
import twilioWebhookRoutes from './notifications/webhook-routes.ts';
import paymentRoutes from './payments/routes.ts';
import razorpayWebhookRoutes from './payments/webhook-routes.ts';
import dbPlugin from './plugins/db.ts';
import openapi from './plugins/openapi.ts';
import { answerClientError } from './plugins/client-errors.ts';
import jsonBodies from './plugins/json-bodies.ts';
import devoteeSessions from './my-bookings/devotee-sessions.ts';
import myBookingsRoutes from './my-bookings/routes.ts';
import methodNotAllowed from './plugins/method-not-allowed.ts';
import problemErrors, { sendProblem } from './plugins/problem-errors.ts';
import { publicRateLimit, type RateLimitCounter } from './plugins/rate-limits.ts';
import { connectRedis } from './plugins/redis.ts';
import security, { securityHeaders } from './plugins/security.ts';
import spa from './plugins/spa.ts';
import sevaRoutes from './sevas/routes.ts';
import templeRoutes from './temple/routes.ts';
import slotRoutes from './slots/routes.ts';
import waitlistRoutes from './waitlist/routes.ts';
import closedDateRoutes from './slots/closed-date-routes.ts';

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
    manageTokens: ManageTokens;
    /** Signs and checks the codes in bookings' QR codes (check-in/check-in-code.ts). */
    checkInCodes: CheckInCodes;
    availability: AvailabilitySource;
    /** Options for @fastify/rate-limit in each scope open to anyone (plugins/rate-limits.ts). */
    publicRateLimit: (counter: RateLimitCounter) => RateLimitPluginOptions;
  }
}

export interface BuildOptions {
  /** The database to use instead of making one (server.ts, tests); its maker closes it. */
  database?: Database;
  logger?: FastifyServerOptions['logger'];
  /** Where live-availability events come from, instead of the database (tests drive it). */
  availability?: AvailabilitySource;
}

/**
 * Readable lines for a person at a terminal in development; JSON lines everywhere else. Either
 * way tokens, credentials and devotees' details are kept out (log-redaction.ts).
 */
export function loggerOptions(config: Config): LoggerOptions {
  const pretty = config.env === 'development' && process.stdout.isTTY;
  return {
    level: config.logLevel,
    ...redactingLoggerOptions(),
    ...(pretty
      ? { transport: { target: 'pino-pretty', options: { ignore: 'pid,hostname' } } }
      : {}),
  };
}

/**
 * A request's headers and body must all arrive within REQUEST_TIMEOUT_MS (Node answers 408 and
 * closes), checked every second or sooner, so a body trickled a byte at a time is cut off
 * instead of holding a connection for ever. The live-availability stream is not cut by it: its
 * request is complete as soon as its headers are in. A connection idle for
 * CONNECTION_TIMEOUT_MS is closed; the stream exempts its own socket (availability/routes.ts).
 */
function connectionTimeouts(config: Config) {
  const { requestTimeoutMs, connectionTimeoutMs } = config.timeouts;
  return {
    requestTimeout: requestTimeoutMs,
    connectionTimeout: connectionTimeoutMs,
    http: {
      requestTimeout: requestTimeoutMs,
      headersTimeout: requestTimeoutMs,
      connectionsCheckingInterval: Math.min(1_000, Math.max(50, requestTimeoutMs / 4)),
    },
  } satisfies Partial<FastifyServerOptions> & { http: object };
}

/** Request bodies are small JSON documents; anything bigger is refused with 413. */
const BODY_LIMIT_BYTES = 32 * 1024;

/**
 * Builds the whole HTTP application without listening, so tests can `inject` into it and
 * server.ts only has to call `listen`.
 */
export async function buildApp(
  config: Config,
  options: BuildOptions = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? loggerOptions(config),
    bodyLimit: BODY_LIMIT_BYTES,
    forceCloseConnections: true,
    ...(config.trustProxy === undefined ? {} : { trustProxy: config.trustProxy }),
    ...connectionTimeouts(config),
    clientErrorHandler: answerClientError,
    // A URL the router cannot take (bad escapes, a path segment over 100 characters) is answered
    // before any hook runs: give it the same security headers and problem+json as the rest.
    frameworkErrors: (error, _request, reply) => {
      void reply.headers(securityHeaders);
      const tooLong = error.code === 'FST_ERR_MAX_PARAM_LENGTH';
      void sendProblem(
        reply,
        tooLong ? 414 : 400,
        'validation_failed',
        tooLong ? 'URL too long' : 'Bad URL',
        tooLong ? 'A part of the URL is longer than this API accepts.' : 'The URL is not valid.',
      );
    },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('config', config);
  app.decorate('manageTokens', new ManageTokens(config.bookingLinkSecret));
  app.decorate('checkInCodes', new CheckInCodes(config.bookingLinkSecret));

  await app.register(problemErrors);
  await app.register(dbPlugin, options.database ? { database: options.database } : {});
  // Several instances share rate-limit counters and one availability poller through Redis when
  // REDIS_URL is set; without it, each process keeps its own (docs/deployment.md).
  const redis = config.redis ? connectRedis(config.redis.url, app.log) : undefined;
  const feed = new AvailabilityFeed(app.db, app.log);
  const availability: AvailabilitySource =
    options.availability ??
    (redis && config.redis
      ? new RedisAvailabilityFeed(
          feed,
          redis.commands,
          redis.subscriber,
          config.redis.keyPrefix,
          app.log,
        )
      : feed);
  app.decorate('availability', availability);
  app.addHook('onClose', async () => {
    app.availability.stop();
    feed.stop();
    redis?.close();
  });
  app.decorate('publicRateLimit', (counter: RateLimitCounter) =>
    publicRateLimit(counter, config, redis),
  );
  await app.register(security);
  await app.register(jsonBodies);
  await app.register(methodNotAllowed);
  await app.register(openapi);
  await app.register(healthRoutes);

  await app.register(
    async (api) => {
      await api.register(rateLimit, app.publicRateLimit('api'));
      await api.register(templeRoutes);
      await api.register(sevaRoutes);
      await api.register(slotRoutes);
      await api.register(closedDateRoutes);
      await api.register(bookingRoutes);
      await api.register(waitlistRoutes);
      await api.register(availabilityRoutes);
      await api.register(twilioWebhookRoutes);
      await api.register(paymentRoutes);
      await api.register(razorpayWebhookRoutes);
      await api.register(authPlugin);
      await api.register(authRoutes, { prefix: '/auth' });
      await api.register(devoteeSessions);
      await api.register(myBookingsRoutes);
      await api.register(adminRoutes, { prefix: '/admin' });
    },
    { prefix: '/api/v1' },
  );

  if (config.serveSpas) {
    await app.register(spa);
  } else {
    app.setNotFoundHandler((request, reply) =>
      sendProblem(
        reply,
        404,
        'not_found',
        'Not found',
        `No route for ${request.method} ${request.url.split('?')[0]}.`,
      ),
    );
  }

  return app;
}
