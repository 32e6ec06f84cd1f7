import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { Redis } from 'ioredis';
import type { AvailabilityEvent } from '@sevabook/shared';
import type { AvailabilityFeed, AvailabilitySource } from './availability-feed.ts';

type Listener = (event: AvailabilityEvent) => void;

/** Takes the poller's lease when free or already ours; 1 when we hold it afterwards. */
const HOLD_LEASE = `
local holder = redis.call('GET', KEYS[1])
if holder == ARGV[1] then redis.call('PEXPIRE', KEYS[1], ARGV[2]) return 1 end
if not holder then redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2]) return 1 end
return 0`;

const LEASE_MS = 3_000;
const TICK_MS = 1_000;

/**
 * Live availability for several API instances through Redis (REDIS_URL): one instance at a time
 * holds a lease and polls the database (AvailabilityFeed), publishing each change on a Redis
 * channel; every instance with stream clients subscribes to it. So the database sees one poller
 * however many instances run. While Redis is unreachable, each instance falls back to polling
 * the database itself, as without Redis.
 *
 * NOTE: when the polling instance dies, another takes the lease within LEASE_MS; changes in that
 * gap reach clients with the next change of the same slot, or when they reconnect and reload.
 */
export class RedisAvailabilityFeed implements AvailabilitySource {
  private readonly listeners = new Set<Listener>();
  private readonly id = randomUUID();
  private readonly channel: string;
  private readonly leaseKey: string;
  private timer: NodeJS.Timeout | undefined;
  private mode: 'leader' | 'follower' | 'fallback' | undefined;
  private stopPolling: (() => void) | undefined;

  constructor(
    private readonly feed: AvailabilityFeed,
    private readonly redis: Redis,
    private readonly subscriber: Redis,
    keyPrefix: string,
    private readonly log: FastifyBaseLogger,
  ) {
    this.channel = `${keyPrefix}availability`;
    this.leaseKey = `${keyPrefix}availability:poller`;
    subscriber.on('message', (channel: string, message: string) => {
      if (channel !== this.channel || this.mode === 'fallback') return;
      try {
        this.deliver(JSON.parse(message) as AvailabilityEvent);
      } catch (error) {
        this.log.warn({ err: error }, 'unreadable availability message');
      }
    });
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    if (!this.timer) {
      void this.subscriber.subscribe(this.channel).catch(() => undefined);
      void this.tick();
      this.timer = setInterval(() => void this.tick(), TICK_MS);
    }
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.stop();
    };
  }

  get subscriberCount(): number {
    return this.listeners.size;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    const wasLeader = this.mode === 'leader';
    this.become(undefined);
    void this.subscriber.unsubscribe(this.channel).catch(() => undefined);
    if (wasLeader)
      void this.redis.eval(RELEASE_LEASE, 1, this.leaseKey, this.id).catch(() => undefined);
  }

  private async tick(): Promise<void> {
    if (this.redis.status !== 'ready' || this.subscriber.status !== 'ready') {
      this.become('fallback');
      return;
    }
    try {
      const held = await this.redis.eval(HOLD_LEASE, 1, this.leaseKey, this.id, String(LEASE_MS));
      if (this.timer) this.become(held === 1 ? 'leader' : 'follower');
    } catch {
      this.become('fallback');
    }
  }

  private become(mode: RedisAvailabilityFeed['mode']): void {
    if (mode === this.mode) return;
    this.stopPolling?.();
    this.stopPolling = undefined;
    if (mode === 'leader') {
      this.stopPolling = this.feed.subscribe((event) => {
        void this.redis
          .publish(this.channel, JSON.stringify(event))
          .catch(() => this.deliver(event));
      });
    } else if (mode === 'fallback') {
      this.log.warn('Redis unreachable: polling the database for availability in this process');
      this.stopPolling = this.feed.subscribe((event) => this.deliver(event));
    }
    this.mode = mode;
  }

  private deliver(event: AvailabilityEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}

const RELEASE_LEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;
