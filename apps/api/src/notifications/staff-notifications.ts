import type { Tx } from '../db/client.ts';
import type { NotificationKind, NotificationStatus, Prisma } from '../generated/prisma/client.ts';
import { conflict, notFound } from '../errors.ts';
import { NEEDS_ATTENTION, RETRYING } from './outbox-health.ts';

/**
 * What staff see of the outbox and the one thing they may do to it: send a failed or dead
 * message again. The staff API's routes (under its auth) call these.
 */

export interface NotificationFilter {
  /** Stored statuses, or `retrying` / `attention` (outbox-health.ts). */
  status?: NotificationStatus | NotificationStatus[] | 'retrying' | 'attention' | undefined;
  kind?: NotificationKind | undefined;
  bookingId?: number | undefined;
  /** A booking reference, e.g. SB-7K3Q9P. */
  reference?: string | undefined;
  /** 1-based. */
  page?: number | undefined;
  pageSize?: number | undefined;
}

export interface NotificationView {
  id: number;
  kind: NotificationKind;
  channel: 'whatsapp';
  status: NotificationStatus;
  attempts: number;
  dueAt: string;
  providerSid: string | null;
  lastError: string | null;
  lastErrorCode: string | null;
  sentAt: string | null;
  deliveredAt: string | null;
  readAt: string | null;
  createdAt: string;
  updatedAt: string;
  booking: { id: number; reference: string; devoteeName: string; phone: string; language: string };
}

export interface NotificationPage {
  items: NotificationView[];
  total: number;
  page: number;
  pageSize: number;
}

/** Statuses staff may send again. */
const RETRYABLE_STATUSES: NotificationStatus[] = ['failed', 'dead'];

const MAX_PAGE_SIZE = 200;

const include = {
  booking: {
    select: { id: true, reference: true, devoteeName: true, phone: true, language: true },
  },
} as const;

type Row = Prisma.NotificationGetPayload<{ include: typeof include }>;

/** Newest first, filtered by status(es), kind, booking id or booking reference. */
export async function listNotifications(
  db: Tx,
  filter: NotificationFilter = {},
): Promise<NotificationPage> {
  const page = Math.max(1, Math.floor(filter.page ?? 1));
  const pageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(filter.pageSize ?? 50)));
  const where: Prisma.NotificationWhereInput = {
    ...statusWhere(filter.status),
    ...(filter.kind ? { kind: filter.kind } : {}),
    ...(filter.bookingId !== undefined ? { bookingId: filter.bookingId } : {}),
    ...(filter.reference ? { booking: { reference: filter.reference.toUpperCase() } } : {}),
  };
  const [rows, total] = await Promise.all([
    db.notification.findMany({
      where,
      include,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      skip: (page - 1) * pageSize,
      take: pageSize,
    }),
    db.notification.count({ where }),
  ]);
  return { items: rows.map(toNotificationView), total, page, pageSize };
}

function statusWhere(status: NotificationFilter['status']): Prisma.NotificationWhereInput {
  if (status === undefined) return {};
  if (status === 'retrying') return RETRYING;
  if (status === 'attention') return NEEDS_ATTENTION;
  return { status: { in: [status].flat() } };
}

/**
 * Puts a failed or dead message back in the queue, due now, with its attempts reset. One
 * conditional UPDATE, so two staff clicking at once queue it once; anything else (a message on
 * its way or already delivered) is refused with 409 and left as it is.
 */
export async function retryNotification(
  db: Tx,
  id: number,
  now = new Date(),
): Promise<NotificationView> {
  const { count } = await db.notification.updateMany({
    where: { id, status: { in: RETRYABLE_STATUSES } },
    // The old SID (of an undelivered message) goes: the new send gets its own.
    data: {
      status: 'pending',
      dueAt: now,
      attempts: 0,
      leaseUntil: null,
      claimedBy: null,
      providerSid: null,
    },
  });
  const row = await db.notification.findUnique({ where: { id }, include });
  if (!row) throw notFound(`There is no notification ${id}.`);
  if (count === 0) {
    throw conflict(
      'conflict',
      'Not retryable',
      `This message is ${row.status}; only failed or dead messages can be sent again.`,
    );
  }
  return toNotificationView(row);
}

function toNotificationView(row: Row): NotificationView {
  return {
    id: row.id,
    kind: row.kind,
    channel: row.channel,
    status: row.status,
    attempts: row.attempts,
    dueAt: row.dueAt.toISOString(),
    providerSid: row.providerSid,
    lastError: row.lastError,
    lastErrorCode: row.lastErrorCode,
    sentAt: row.sentAt?.toISOString() ?? null,
    deliveredAt: row.deliveredAt?.toISOString() ?? null,
    readAt: row.readAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    booking: row.booking,
  };
}
