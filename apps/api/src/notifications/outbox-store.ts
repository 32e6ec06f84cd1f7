import type { Db } from '../db/client.ts';
import type { NotificationKind, NotificationStatus } from '../generated/prisma/client.ts';
import type { BookingForMessage } from './render-message.ts';
import type { ProviderStatus } from './transport.ts';

/**
 * The notifier's reads and writes of the outbox. Every write after the claim is conditional on
 * the row still being `sending` and claimed by this worker: a worker whose lease ran out (and
 * whose row another worker has taken over) can no longer change it.
 */

export interface ClaimedJob {
  id: number;
  kind: NotificationKind;
  /** Attempts so far, this one included when it is a fresh send. */
  attempts: number;
  /**
   * The row was already `sending` when claimed: an earlier worker died, or its send timed out,
   * after its request may have reached Twilio. Look the message up before sending again.
   */
  reconcile: boolean;
  leaseUntil: Date;
  createdAt: Date;
  booking: BookingForMessage;
}

export interface ClaimOptions {
  workerId: string;
  limit: number;
  leaseMs: number;
  now: Date;
}

const CLAIM_TRANSACTION = {
  isolationLevel: 'ReadCommitted',
  maxWait: 10_000,
  timeout: 10_000,
} as const;

/**
 * Claims up to `limit` due rows in one short transaction and marks them `sending` with a lease.
 * Raw SQL because Prisma cannot say `FOR UPDATE SKIP LOCKED`: rows another worker is claiming
 * at this moment are skipped rather than waited for, so no two workers ever hold the same row.
 */
export async function claimDue(db: Db, options: ClaimOptions): Promise<ClaimedJob[]> {
  const { workerId, limit, leaseMs, now } = options;
  const leaseUntil = new Date(now.getTime() + leaseMs);
  const claimed = await db.$transaction(async (tx) => {
    const due = await tx.$queryRaw<{ id: number }[]>`
      SELECT id FROM notification
       WHERE status = 'pending' AND due_at <= ${now}
       ORDER BY due_at, id
       LIMIT ${limit}
       FOR UPDATE SKIP LOCKED`;
    // A lease that ran out: its worker died or could not tell whether its send arrived.
    const stale =
      due.length < limit
        ? await tx.$queryRaw<{ id: number }[]>`
            SELECT id FROM notification
             WHERE status = 'sending' AND lease_until <= ${now}
             ORDER BY lease_until, id
             LIMIT ${limit - due.length}
             FOR UPDATE SKIP LOCKED`
        : [];
    const dueIds = due.map((r) => Number(r.id));
    const staleIds = stale.map((r) => Number(r.id));
    if (dueIds.length > 0) {
      await tx.notification.updateMany({
        where: { id: { in: dueIds } },
        data: { status: 'sending', attempts: { increment: 1 }, leaseUntil, claimedBy: workerId },
      });
    }
    if (staleIds.length > 0) {
      await tx.notification.updateMany({
        where: { id: { in: staleIds } },
        data: { leaseUntil, claimedBy: workerId },
      });
    }
    return { dueIds, staleIds };
  }, CLAIM_TRANSACTION);

  const ids = [...claimed.dueIds, ...claimed.staleIds];
  if (ids.length === 0) return [];
  const rows = await db.notification.findMany({
    where: { id: { in: ids } },
    include: {
      booking: {
        include: {
          slot: { include: { seva: true } },
          // The cancellation tells the refund; newest payment first.
          payments: { include: { receipt: true, refund: true }, orderBy: { id: 'desc' } },
        },
      },
    },
    orderBy: [{ dueAt: 'asc' }, { id: 'asc' }],
  });
  const stale = new Set(claimed.staleIds);
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    attempts: row.attempts,
    reconcile: stale.has(row.id),
    leaseUntil,
    createdAt: row.createdAt,
    booking: row.booking,
  }));
}

function mine(id: number, workerId: string) {
  return { id, status: 'sending' as const, claimedBy: workerId };
}

const released = { leaseUntil: null, claimedBy: null };

/** Twilio took the message (or the log transport printed it). */
export async function recordAccepted(
  db: Db,
  workerId: string,
  job: { id: number; attempts: number },
  result: { sid: string | null; status: ProviderStatus; errorCode?: string | null },
  now: Date,
): Promise<boolean> {
  const status: NotificationStatus = result.status;
  const { count } = await db.notification.updateMany({
    where: mine(job.id, workerId),
    data: {
      ...released,
      status,
      attempts: job.attempts,
      providerSid: result.sid,
      sentAt: now,
      ...(status === 'delivered' || status === 'read' ? { deliveredAt: now } : {}),
      ...(status === 'read' ? { readAt: now } : {}),
      ...(status === 'failed'
        ? {
            lastErrorCode: result.errorCode ?? 'undelivered',
            lastError: 'Twilio reports the message failed',
          }
        : {}),
    },
  });
  return count === 1;
}

/** A failed attempt: due again after `retryAt`, or dead once the attempts are used up. */
export async function recordRetry(
  db: Db,
  workerId: string,
  job: { id: number; attempts: number },
  error: { code: string; reason: string },
  retryAt: Date,
  maxAttempts: number,
): Promise<'pending' | 'dead' | null> {
  const status = job.attempts >= maxAttempts ? 'dead' : 'pending';
  const { count } = await db.notification.updateMany({
    where: mine(job.id, workerId),
    data: {
      ...released,
      status,
      attempts: job.attempts,
      dueAt: retryAt,
      lastErrorCode: error.code.slice(0, 32),
      lastError:
        status === 'dead'
          ? `Gave up after ${job.attempts} attempts. Last error: ${error.reason}`
          : error.reason,
    },
  });
  return count === 1 ? status : null;
}

/** Twilio asked us to slow down: nothing was sent, so the attempt does not count. */
export async function recordThrottled(
  db: Db,
  workerId: string,
  job: { id: number; attemptsBefore: number },
  reason: string,
  retryAt: Date,
): Promise<boolean> {
  const { count } = await db.notification.updateMany({
    where: mine(job.id, workerId),
    data: {
      ...released,
      status: 'pending',
      attempts: job.attemptsBefore,
      dueAt: retryAt,
      lastErrorCode: '429',
      lastError: reason,
    },
  });
  return count === 1;
}

/** An error no retry can fix. */
export async function recordFailed(
  db: Db,
  workerId: string,
  job: { id: number; attempts: number },
  error: { code: string; reason: string },
): Promise<boolean> {
  const { count } = await db.notification.updateMany({
    where: mine(job.id, workerId),
    data: {
      ...released,
      status: 'failed',
      attempts: job.attempts,
      lastErrorCode: error.code.slice(0, 32),
      lastError: error.reason,
    },
  });
  return count === 1;
}

/**
 * The send's outcome is unknown: keep the row `sending`, unclaimed, with a lease that runs out
 * at `lookUpAt`. Whichever worker claims it then looks the message up before sending again.
 */
export async function recordUnknownOutcome(
  db: Db,
  workerId: string,
  job: { id: number; attempts: number },
  reason: string,
  lookUpAt: Date,
): Promise<boolean> {
  const { count } = await db.notification.updateMany({
    where: mine(job.id, workerId),
    data: {
      leaseUntil: lookUpAt,
      claimedBy: null,
      attempts: job.attempts,
      lastErrorCode: 'unknown_outcome',
      lastError: `Outcome unknown, to be looked up: ${reason}`,
    },
  });
  return count === 1;
}

/** Dead without knowing whether the message went: staff must check and decide. */
export async function recordUnresolved(
  db: Db,
  workerId: string,
  job: { id: number; attempts: number },
  reason: string,
): Promise<boolean> {
  const { count } = await db.notification.updateMany({
    where: mine(job.id, workerId),
    data: {
      ...released,
      status: 'dead',
      attempts: job.attempts,
      lastErrorCode: 'unknown_outcome',
      lastError: `Could not confirm with Twilio whether this message was sent: ${reason}`,
    },
  });
  return count === 1;
}

/** Hands back claimed rows that were not attempted (shutdown, a 429 pause, a short lease). */
export async function releaseUnsent(
  db: Db,
  workerId: string,
  jobs: Pick<ClaimedJob, 'id' | 'reconcile'>[],
  dueAt: Date,
): Promise<void> {
  const fresh = jobs.filter((j) => !j.reconcile).map((j) => j.id);
  const reconcile = jobs.filter((j) => j.reconcile).map((j) => j.id);
  if (fresh.length > 0) {
    await db.notification.updateMany({
      where: { id: { in: fresh }, status: 'sending', claimedBy: workerId },
      data: { ...released, status: 'pending', dueAt, attempts: { decrement: 1 } },
    });
  }
  if (reconcile.length > 0) {
    // Still unknown whether an earlier send arrived: stays `sending` so it is looked up first.
    await db.notification.updateMany({
      where: { id: { in: reconcile }, status: 'sending', claimedBy: workerId },
      data: { leaseUntil: dueAt, claimedBy: null },
    });
  }
}

/** A message that must no longer go out (a reminder of a cancelled booking or a past seva). */
export async function recordCancelled(
  db: Db,
  workerId: string,
  id: number,
  reason: string,
): Promise<void> {
  await db.notification.updateMany({
    where: mine(id, workerId),
    data: { ...released, status: 'cancelled', lastError: reason },
  });
}

/** Which of these provider SIDs already belong to some outbox row. */
export async function ownedSids(db: Db, sids: string[]): Promise<Set<string>> {
  if (sids.length === 0) return new Set();
  const rows = await db.notification.findMany({
    where: { providerSid: { in: sids } },
    select: { providerSid: true },
  });
  return new Set(rows.map((r) => r.providerSid).filter((s): s is string => s !== null));
}
