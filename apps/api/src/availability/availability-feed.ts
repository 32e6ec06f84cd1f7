import type { FastifyBaseLogger } from 'fastify';
import type { AvailabilityEvent } from '@sevabook/shared';
import type { Db } from '../db/client.ts';

type Listener = (event: AvailabilityEvent) => void;

/** Where stream clients get slot changes from: this feed, or Redis (redis-availability-feed.ts). */
export interface AvailabilitySource {
  subscribe(listener: Listener): () => void;
  readonly subscriberCount: number;
  stop(): void;
}

interface ChangedSlot {
  id: number;
  sevaId: number;
  capacity: number;
  booked: number;
  status: AvailabilityEvent['status'];
  updatedAt: Date;
  dbNow: Date;
}

/**
 * Live availability, fanned out from the database rather than from this process's memory, so
 * a booking taken by any API process reaches the streams of every process. While anyone is
 * listening, it polls the indexed `slot.updated_at` (kept by ON UPDATE CURRENT_TIMESTAMP(3)).
 * NOTE: rows are re-read with an overlap window, because a transaction that commits late can
 * carry an updated_at older than the last poll; `lastSent` drops the repeats.
 */
export class AvailabilityFeed implements AvailabilitySource {
  private readonly listeners = new Set<Listener>();
  private readonly lastSent = new Map<number, { state: string; updatedAt: number }>();
  private cursor: Date | undefined;
  private timer: NodeJS.Timeout | undefined;
  private polling = false;

  constructor(
    private readonly db: Db,
    private readonly log: FastifyBaseLogger,
    private readonly intervalMs = 250,
    private readonly overlapMs = 3_000,
  ) {}

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    if (!this.timer) this.timer = setInterval(() => void this.poll(), this.intervalMs);
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
    this.cursor = undefined;
    this.lastSent.clear();
  }

  private async poll(): Promise<void> {
    if (this.polling) return;
    this.polling = true;
    try {
      // Start from the database's clock, not ours: the two may differ.
      const since = this.cursor
        ? new Date(this.cursor.getTime() - this.overlapMs)
        : new Date((await this.dbNow()).getTime() - this.overlapMs);
      const rows = await this.db.$queryRaw<ChangedSlot[]>`
        SELECT id, seva_id AS sevaId, capacity, booked, status, updated_at AS updatedAt, NOW(3) AS dbNow
        FROM slot WHERE updated_at >= ${since} ORDER BY updated_at LIMIT 5000`;
      // The first read sends what changed in the last few seconds too: a change made while a
      // client was connecting must reach it, and an event that repeats a state is harmless.
      for (const row of rows) this.publish(row);
      this.cursor = rows.at(-1)?.dbNow ?? this.cursor;
      if (rows.length === 0) this.cursor = await this.dbNow();
      this.forgetOlderThan(since.getTime());
    } catch (error) {
      this.log.warn({ err: error }, 'availability poll failed; will retry');
    } finally {
      this.polling = false;
    }
  }

  private async dbNow(): Promise<Date> {
    const [row] = await this.db.$queryRaw<{ now: Date }[]>`SELECT NOW(3) AS now`;
    return row?.now ?? new Date();
  }

  private publish(row: ChangedSlot): void {
    const event: AvailabilityEvent = {
      slotId: Number(row.id),
      sevaId: Number(row.sevaId),
      capacity: Number(row.capacity),
      booked: Number(row.booked),
      remaining: Math.max(0, Number(row.capacity) - Number(row.booked)),
      status: row.status,
    };
    const state = `${event.capacity}|${event.booked}|${event.status}`;
    if (this.lastSent.get(event.slotId)?.state === state) return;
    this.lastSent.set(event.slotId, { state, updatedAt: row.updatedAt.getTime() });
    for (const listener of this.listeners) listener(event);
  }

  private forgetOlderThan(ms: number): void {
    for (const [slotId, sent] of this.lastSent) {
      if (sent.updatedAt < ms - this.overlapMs) this.lastSent.delete(slotId);
    }
  }
}
