import type { FastifyBaseLogger } from 'fastify';
import { Redis } from 'ioredis';

export interface RedisClients {
  /** Commands: rate-limit counters, the availability poller's lease, publishing. */
  commands: Redis;
  /** A connection of its own for SUBSCRIBE, as Redis requires. */
  subscriber: Redis;
  close(): void;
}

/**
 * The Redis connections of an API instance (REDIS_URL). Commands fail at once while Redis is
 * unreachable instead of queueing (callers fall back: rate limits let the request through,
 * availability polls the database), and the clients keep reconnecting in the background.
 */
export function connectRedis(url: string, log: FastifyBaseLogger): RedisClients {
  let warned = 0;
  const onError = (error: Error) => {
    // One line every 30 s while Redis is down, not one per reconnection attempt.
    if (Date.now() - warned > 30_000) {
      warned = Date.now();
      log.warn({ err: error }, 'Redis unreachable; falling back to per-process state');
    }
  };
  const options = {
    connectTimeout: 2_000,
    maxRetriesPerRequest: 1,
    retryStrategy: (attempt: number) => Math.min(attempt * 200, 2_000),
  };
  const commands = new Redis(url, { ...options, enableOfflineQueue: false });
  const subscriber = new Redis(url, options);
  commands.on('error', onError);
  subscriber.on('error', onError);
  return {
    commands,
    subscriber,
    close() {
      commands.disconnect();
      subscriber.disconnect();
    },
  };
}
