import { addDaysToDate, slotListSchema, startOfTempleDay, type SlotQuery } from '@sevabook/shared';
import type { Pool } from 'mariadb';

/**
 * The answer to `GET /slots`, kept as the JSON text it was sent as, and re-sent only while
 * the rows it was made from are unchanged.
 *
 * Building the list is costly (a Prisma read with its sevas, and time-zone arithmetic for every
 * slot), and devotees ask for the same week again and again. Before each answer one indexed
 * query sums up exactly what the list depends on (each slot's id, seva, start, capacity, places
 * booked and status, and its seva's active flag and booking window) into a digest; while
 * the digest and the row count match, and no slot's booking window has opened or closed since,
 * the cached text is the answer. So a cached list is never staler than the database: a
 * booking made by any process changes the digest. See bench/README.md for the figures.
 *
 * Requests for the same list share digest queries: a request never uses a query that was
 * already running when it arrived (that one might predate a write the devotee just made), it
 * waits for the next one, which all requests arriving meanwhile share. Under load the database
 * sees about one digest query per list per round trip, not one per request.
 */

interface Entry {
  digest: string;
  /** The list is stale from this instant on (the next booking window to open or close). */
  validUntil: number;
  body: string;
}

/** Distinct week/seva queries kept; devotees mostly ask for a handful. */
const MAX_ENTRIES = 200;

export class SlotListCache {
  private readonly entries = new Map<string, Entry>();
  private readonly digests = new Map<string, SharedRead<string>>();

  constructor(
    private readonly pool: Pool,
    private readonly timeZone: string,
  ) {}

  /** The cached JSON for `query`, or undefined; `digest` is what to pass to `store`. */
  async lookup(query: SlotQuery, now: Date): Promise<{ body: string | undefined; digest: string }> {
    const key = keyOf(query);
    let shared = this.digests.get(key);
    if (!shared) {
      if (this.digests.size >= MAX_ENTRIES) this.digests.clear();
      shared = new SharedRead(() => this.readDigest(query));
      this.digests.set(key, shared);
    }
    const digest = await shared.next();
    const entry = this.entries.get(key);
    const fresh = entry && entry.digest === digest && now.getTime() < entry.validUntil;
    return { body: fresh ? entry.body : undefined, digest };
  }

  private async readDigest(query: SlotQuery): Promise<string> {
    const from = startOfTempleDay(query.from, this.timeZone);
    const to = startOfTempleDay(addDaysToDate(query.to, 1), this.timeZone);
    // Two 32-bit checksums of every row (XOR and sum of CRC32s) and the row count: a change to
    // any listed column changes the digest.
    const row = `CRC32(CONCAT_WS(',', s.id, s.seva_id, s.starts_at, s.capacity, s.booked, s.status,
      v.active, v.booking_opens_days_ahead, v.booking_closes_minutes_before))`;
    const rows = await this.pool.query<{ n: bigint | number; digest: string | null }[]>(
      `SELECT COUNT(*) AS n, CONCAT(BIT_XOR(${row}), '/', SUM(${row})) AS digest
       FROM slot s JOIN seva v ON v.id = s.seva_id
       WHERE s.starts_at >= ? AND s.starts_at < ?${query.sevaId ? ' AND s.seva_id = ?' : ''}`,
      query.sevaId ? [from, to, query.sevaId] : [from, to],
    );
    return `${String(rows[0]?.n ?? 0)}:${rows[0]?.digest ?? ''}`;
  }

  /** Keeps the list built for `query` when the digest was taken; returns its JSON text. */
  store(query: SlotQuery, digest: string, list: { items: SlotItem[] }, now: Date): string {
    const body = JSON.stringify(slotListSchema.parse(list));
    let validUntil = Number.POSITIVE_INFINITY;
    for (const item of list.items) {
      for (const at of [Date.parse(item.bookingOpensAt), Date.parse(item.bookingClosesAt)]) {
        if (at > now.getTime() && at < validUntil) validUntil = at;
      }
    }
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(keyOf(query), { digest, validUntil, body });
    return body;
  }
}

interface SlotItem {
  bookingOpensAt: string;
  bookingClosesAt: string;
}

function keyOf(query: SlotQuery): string {
  return `${query.from}/${query.to}/${query.sevaId ?? ''}`;
}

/** One read at a time; callers that arrive while it runs share the one started after it. */
class SharedRead<T> {
  private running: Promise<T> | undefined;
  private queued: Promise<T> | undefined;

  constructor(private readonly read: () => Promise<T>) {}

  next(): Promise<T> {
    if (!this.running) return this.start();
    this.queued ??= this.running.then(
      () => this.startQueued(),
      () => this.startQueued(),
    );
    return this.queued;
  }

  private startQueued(): Promise<T> {
    this.queued = undefined;
    return this.start();
  }

  private start(): Promise<T> {
    const started = this.read();
    this.running = started;
    const clear = () => {
      if (this.running === started) this.running = undefined;
    };
    started.then(clear, clear);
    return started;
  }
}
