import { addDaysToDate, slotListSchema, startOfTempleDay, type SlotQuery } from '@sevabook/shared';
import type { Pool } from 'mariadb';
import { SharedReads } from '../db/shared-read.ts';

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
 * Requests for the same list share digest queries (db/shared-read.ts): under load the database
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
  private readonly digests: SharedReads<string, string>;

  constructor(
    private readonly pool: Pool,
    private readonly timeZone: string,
  ) {
    this.digests = new SharedReads((key) => this.readDigest(queryOf(key)), MAX_ENTRIES);
  }

  /** The cached JSON for `query`, or undefined; `digest` is what to pass to `store`. */
  async lookup(query: SlotQuery, now: Date): Promise<{ body: string | undefined; digest: string }> {
    const key = keyOf(query);
    const digest = await this.digests.next(key);
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

function queryOf(key: string): SlotQuery {
  const [from = '', to = '', sevaId = ''] = key.split('/');
  return sevaId ? { from, to, sevaId: Number(sevaId) } : { from, to };
}
