import type { Db } from '../db/client.ts';
import { ANONYMISED_PHONE_PREFIX, anonymiseBookings, type AnonymisedCounts } from './anonymise.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Bookings per transaction: short transactions, so nothing else waits long on these rows. */
const BATCH = 200;

export interface RetentionLog {
  info(object: object, message: string): void;
  error(object: object, message: string): void;
}

/**
 * Anonymises every booking whose seva started more than `retentionDays` ago and is not
 * anonymised yet, a batch per transaction. Safe to run in several processes at once: each
 * statement re-checks that the booking still needs it (anonymise.ts).
 */
export async function anonymiseExpiredBookings(
  db: Db,
  retentionDays: number,
  now: Date = new Date(),
): Promise<AnonymisedCounts> {
  const before = new Date(now.getTime() - retentionDays * DAY_MS);
  const total: AnonymisedCounts = { bookings: 0, notifications: 0, auditEntries: 0 };
  let afterId = 0;
  for (;;) {
    const due = await db.booking.findMany({
      where: {
        id: { gt: afterId },
        slot: { startsAt: { lt: before } },
        NOT: { phone: { startsWith: ANONYMISED_PHONE_PREFIX } },
      },
      select: { id: true },
      orderBy: { id: 'asc' },
      take: BATCH,
    });
    if (due.length === 0) return total;
    const ids = due.map((b) => b.id);
    const counts = await db.$transaction((tx) => anonymiseBookings(tx, ids), {
      isolationLevel: 'ReadCommitted',
      timeout: 60_000,
    });
    total.bookings += counts.bookings;
    total.notifications += counts.notifications;
    total.auditEntries += counts.auditEntries;
    afterId = ids[ids.length - 1]!;
  }
}

/**
 * The daily run of the retention rule, in the process that runs the notifier: once shortly
 * after start-up, then every day. A run that fails is logged and tried again the next day;
 * nothing it left half-done stays so, since each batch commits whole.
 */
export class PersonalDataRetention {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;

  constructor(
    private readonly db: Db,
    private readonly retentionDays: number,
    private readonly log: RetentionLog,
    private readonly intervalMs = DAY_MS,
    private readonly firstRunAfterMs = 60_000,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  start(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => this.tick(), this.firstRunAfterMs);
    this.timer.unref();
  }

  /** Stops the timer and waits for a run in progress to finish. */
  async stop(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }

  private tick(): void {
    this.running = anonymiseExpiredBookings(this.db, this.retentionDays, this.clock())
      .then((counts) => {
        if (counts.bookings > 0) {
          this.log.info(counts, `Anonymised ${counts.bookings} bookings past the retention period`);
        }
      })
      .catch((err: unknown) => this.log.error({ err }, 'personal data retention run failed'))
      .finally(() => {
        this.running = undefined;
        if (!this.timer) return;
        this.timer = setTimeout(() => this.tick(), this.intervalMs);
        this.timer.unref();
      });
  }
}
