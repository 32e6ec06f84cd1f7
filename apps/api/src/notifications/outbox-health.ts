import type { OutboxHealth, OutboxTroubleCause } from '@sevabook/shared';
import type { Tx } from '../db/client.ts';
import type { Prisma } from '../generated/prisma/client.ts';

/**
 * A message that failed and waits for its next try is `pending` again with its last error kept
 * and its attempts counted (outbox-store.ts recordRetry), or, asked by Twilio to slow down, with
 * error 429 (recordThrottled). A new message has no error yet; one staff sent again has its
 * attempts back at 0 and is simply queued.
 */
export const RETRYING: Prisma.NotificationWhereInput = {
  status: 'pending',
  lastError: { not: null },
  OR: [{ attempts: { gt: 0 } }, { lastErrorCode: '429' }],
};

/** What staff must look at: retrying, refused and given up. */
export const NEEDS_ATTENTION: Prisma.NotificationWhereInput = {
  OR: [RETRYING, { status: { in: ['failed', 'dead'] } }],
};

/**
 * The kind of trouble behind an error code as the transports record them: a network error code
 * (ECONNREFUSED …) or a 5xx means WhatsApp could not be reached; 429 that it asked us to slow
 * down; unknown_outcome that a send is being looked up; a Twilio error number or another 4xx
 * that WhatsApp turned the message away.
 */
export function troubleCause(code: string | null): OutboxTroubleCause {
  if (code === '429') return 'throttled';
  if (code === 'unknown_outcome') return 'unknown_outcome';
  if (!code || /^E[A-Z_]+$/.test(code) || /^http_5\d\d$/.test(code)) return 'unreachable';
  return 'refused';
}

/** The outbox's state in the few numbers the day view and the notifications screen show. */
export async function outboxHealth(db: Tx): Promise<OutboxHealth> {
  const [retrying, failed, dead, next, latest] = await Promise.all([
    db.notification.count({ where: RETRYING }),
    db.notification.count({ where: { status: 'failed' } }),
    db.notification.count({ where: { status: 'dead' } }),
    db.notification.findFirst({
      where: RETRYING,
      orderBy: { dueAt: 'asc' },
      select: { dueAt: true },
    }),
    db.notification.findFirst({
      where: { AND: [NEEDS_ATTENTION, { lastError: { not: null } }] },
      orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }],
      select: { lastError: true, lastErrorCode: true, updatedAt: true },
    }),
  ]);
  return {
    retrying,
    failed,
    dead,
    nextTryAt: next?.dueAt.toISOString() ?? null,
    lastError: latest?.lastError
      ? {
          cause: troubleCause(latest.lastErrorCode),
          code: latest.lastErrorCode,
          message: latest.lastError,
          at: latest.updatedAt.toISOString(),
        }
      : null,
  };
}
