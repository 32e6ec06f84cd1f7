import type { Db } from '../db/client.ts';
import { withDeadlockRetry } from '../db/db-errors.ts';
import { expireHeldOffer } from './accept-offer.ts';

/** Offers handled per run; the next run takes the rest. */
const BATCH = 200;

export interface WaitlistSweepLog {
  info(object: object, message: string): void;
  error(object: object, message: string): void;
}

/**
 * Offers whose hold has run out are expired and passed on to the next entry that fits (each in
 * its own transaction, through releasePlaces); entries of slots that have started expire. The
 * hold-expiry of payments may expire the same offers: every statement here is conditional on
 * the row still being `offered` or `waiting`, so running both, or in several processes, is safe.
 */
export async function expireWaitlist(
  db: Db,
  now: Date = new Date(),
): Promise<{ offersExpired: number; entriesExpired: number }> {
  let offersExpired = 0;
  const due = await db.booking.findMany({
    where: { status: 'offered', holdExpiresAt: { lte: now } },
    select: { id: true },
    orderBy: { id: 'asc' },
    take: BATCH,
  });
  for (const { id } of due) {
    await withDeadlockRetry(() =>
      db.$transaction(
        async (tx) => {
          await tx.$queryRaw`SELECT id FROM booking WHERE id = ${id} FOR UPDATE`;
          const booking = await tx.booking.findUniqueOrThrow({ where: { id } });
          if (booking.status !== 'offered' || !booking.holdExpiresAt) return;
          if (booking.holdExpiresAt > now) return;
          await expireHeldOffer(tx, booking, now);
          offersExpired++;
        },
        { isolationLevel: 'ReadCommitted', timeout: 15_000, maxWait: 15_000 },
      ),
    );
  }
  // Found by a plain read, then changed by id: an UPDATE … WHERE EXISTS (slot …) would lock
  // every waiting entry it looks at and share-lock their slots, in the way of offers being made.
  const ended = await db.waitlistEntry.findMany({
    where: {
      status: 'waiting',
      OR: [{ slot: { startsAt: { lte: now } } }, { slot: { status: 'cancelled' } }],
    },
    select: { id: true },
    take: 1_000,
  });
  const { count: entriesExpired } =
    ended.length === 0
      ? { count: 0 }
      : await db.waitlistEntry.updateMany({
          where: { id: { in: ended.map((e) => e.id) }, status: 'waiting' },
          data: { status: 'expired' },
        });
  return { offersExpired, entriesExpired };
}

/**
 * The sweep, in the process that runs the notifier, every `intervalMs`. An offer may outlive its
 * hold by up to that long before it passes on; accepting it in that time is refused all the
 * same (accept-offer.ts checks the hold itself).
 */
export class WaitlistSweep {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;

  constructor(
    private readonly db: Db,
    private readonly log: WaitlistSweepLog,
    private readonly intervalMs = 30_000,
  ) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = expireWaitlist(this.db)
        .then((counts) => {
          if (counts.offersExpired + counts.entriesExpired > 0) {
            this.log.info(counts, 'waitlist offers and entries expired');
          }
        })
        .catch((error: unknown) => this.log.error({ err: error }, 'waitlist sweep failed'))
        .finally(() => (this.running = undefined));
    }, this.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }
}
