import type { RateLimitPluginOptions } from '@fastify/rate-limit';
import type { Config } from '../config.ts';
import { AppError } from '../errors.ts';
import type { RedisClients } from './redis.ts';

/** Which requests count together: the public API, `/readyz`, the OpenAPI document and UI. */
export type RateLimitCounter = 'api' | 'operations' | 'docs';

/**
 * The per-address limit on everything a client can reach without signing in: the public API,
 * `/readyz` (each one a database round trip) and the OpenAPI document and its UI (the largest
 * answers the API gives). Each has a counter of its own, in memory or, with Redis, shared by
 * every instance: a load balancer's readiness checks never use up the API's allowance.
 */
export function publicRateLimit(
  counter: RateLimitCounter,
  config: Config,
  redis: RedisClients | undefined,
): RateLimitPluginOptions {
  return {
    max: config.rateLimitPerIpPerMin,
    timeWindow: 60_000,
    // With Redis the counters are shared by every instance; if Redis fails, requests pass.
    ...(redis && config.redis
      ? {
          redis: redis.commands,
          nameSpace: `${config.redis.keyPrefix}rate-limit:${counter === 'api' ? '' : `${counter}:`}`,
          skipOnError: true,
        }
      : {}),
    errorResponseBuilder: (_request, context) =>
      new AppError(
        429,
        'rate_limited',
        'Too many requests',
        `Too many requests from your network; try again in ${context.after}.`,
        undefined,
        { 'retry-after': String(Math.ceil(context.ttl / 1000)) },
      ),
  };
}
