import type { Db } from '../db/client.ts';
import { isUniqueViolation } from '../db/db-errors.ts';
import type { NotificationStatus, Prisma } from '../generated/prisma/client.ts';
import type { ProviderStatus } from './transport.ts';
import { PERMANENT_TWILIO_ERRORS, providerStatus } from './twilio-transport.ts';

/** Where Twilio posts message status callbacks (the notifier names it in every send). */
export const STATUS_CALLBACK_PATH = '/api/v1/webhooks/twilio/status';

/**
 * Statuses only move forward: sending → sent → delivered → read, or → failed. Each status may
 * replace only those listed here, so a late "sent" never overwrites "read" and a replayed
 * callback (its status already reached) changes nothing.
 */
const REPLACES: Record<ProviderStatus, NotificationStatus[]> = {
  sent: ['sending'],
  delivered: ['sending', 'sent'],
  failed: ['sending', 'sent'],
  read: ['sending', 'sent', 'delivered'],
};

export interface StatusCallback {
  messageSid: string;
  /** Twilio's MessageStatus: queued, sent, delivered, read, failed, undelivered, … */
  messageStatus: string;
  errorCode?: string | undefined;
  /** The outbox row named in the callback URL, when the sender put it there. */
  notificationId?: number | undefined;
}

export type StatusResult = 'updated' | 'unchanged' | 'ignored';

export async function applyStatusCallback(
  db: Db,
  callback: StatusCallback,
  now = new Date(),
): Promise<StatusResult> {
  const status = providerStatus(callback.messageStatus);
  if (!status) return 'ignored';
  const data = changesFor(status, callback, now);

  const bySid = await db.notification.updateMany({
    where: { providerSid: callback.messageSid, status: { in: REPLACES[status] } },
    data,
  });
  if (bySid.count > 0) return 'updated';

  // The worker may not have recorded the SID yet (Twilio called back first), or never will
  // (its response was lost in a timeout): the row named in the URL, still `sending` and
  // without a SID, is this message's.
  if (callback.notificationId !== undefined) {
    try {
      const byRow = await db.notification.updateMany({
        where: { id: callback.notificationId, providerSid: null, status: 'sending' },
        data: {
          ...data,
          providerSid: callback.messageSid,
          sentAt: now,
          leaseUntil: null,
          claimedBy: null,
        },
      });
      if (byRow.count > 0) return 'updated';
    } catch (error) {
      // The SID already belongs to a row: nothing to attach.
      if (!isUniqueViolation(error)) throw error;
    }
  }
  return 'unchanged';
}

function changesFor(
  status: ProviderStatus,
  callback: StatusCallback,
  now: Date,
): Prisma.NotificationUpdateManyMutationInput {
  switch (status) {
    case 'sent':
      return { status };
    case 'delivered':
      return { status, deliveredAt: now };
    case 'read':
      return { status, readAt: now };
    case 'failed': {
      const code = callback.errorCode?.trim() || callback.messageStatus;
      const known = PERMANENT_TWILIO_ERRORS[code];
      return {
        status,
        lastErrorCode: code.slice(0, 32),
        lastError: `Twilio reports the message ${callback.messageStatus}${callback.errorCode ? ` (error ${callback.errorCode}${known ? `: ${known}` : ''})` : ''}.`,
      };
    }
  }
}
