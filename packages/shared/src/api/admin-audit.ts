import { z } from 'zod';
import { notificationStatuses } from './admin-day-sheet.ts';

export const auditEntityTypes = [
  'booking',
  'seva',
  'schedule',
  'slot',
  'closed_date',
  'staff_user',
  'api_key',
  'personal_data',
] as const;

export const auditQuerySchema = z.strictObject({
  bookingId: z.coerce.number().int().positive().optional(),
  entityType: z.enum(auditEntityTypes).optional(),
  entityId: z.coerce.number().int().positive().optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const auditEntrySchema = z
  .object({
    id: z.number().int(),
    bookingId: z.number().int().nullable(),
    entityType: z.string(),
    entityId: z.number().int(),
    action: z.string(),
    actor: z.object({
      type: z.enum(['staff', 'devotee', 'api_key', 'system']),
      id: z.number().int().nullable(),
      label: z.string(),
    }),
    before: z.unknown().describe('The state before, as JSON; null for a creation'),
    after: z.unknown().describe('The state after, as JSON'),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'AuditEntry' });

/** A slot an entry names by id (a booking's slotId), so history can say "moved from 7:00 to 8:30". */
export const auditSlotSchema = z
  .object({
    id: z.number().int(),
    date: z.string().describe('Temple-local YYYY-MM-DD'),
    time: z.string().describe('Temple-local HH:mm'),
    sevaName: z.object({ en: z.string(), kn: z.string() }),
  })
  .meta({ id: 'AuditSlot' });
export type AuditSlot = z.infer<typeof auditSlotSchema>;

export const auditPageSchema = z
  .object({
    items: z.array(auditEntrySchema),
    slots: z.array(auditSlotSchema).describe('Every slot named by a slotId in these entries'),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .meta({ id: 'AuditPage' });

/** Filters beyond the stored statuses: messages still retrying after an error, and those plus
 * the failed and dead ones (what needs a person's eye). */
export const notificationViews = ['retrying', 'attention'] as const;

/** What a WhatsApp message tells about. */
export const notificationKinds = [
  'confirmation',
  'cancellation',
  'change',
  'reminder',
  'late_payment_refund',
  'waitlist_offer',
] as const;

export const notificationQuerySchema = z.strictObject({
  status: z
    .enum([...notificationStatuses, ...notificationViews])
    .optional()
    .describe(
      'A status, or retrying (pending again after an error), or attention (retrying, failed, dead)',
    ),
  kind: z.enum(notificationKinds).optional(),
  bookingId: z.coerce.number().int().positive().optional(),
  reference: z.string().trim().max(16).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const adminNotificationSchema = z
  .object({
    id: z.number().int(),
    kind: z.enum(notificationKinds),
    channel: z.literal('whatsapp'),
    status: z.enum(notificationStatuses),
    attempts: z.number().int(),
    dueAt: z.iso.datetime(),
    providerSid: z.string().nullable(),
    lastError: z.string().nullable(),
    lastErrorCode: z.string().nullable(),
    sentAt: z.iso.datetime().nullable(),
    deliveredAt: z.iso.datetime().nullable(),
    readAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    booking: z.object({
      id: z.number().int(),
      reference: z.string(),
      devoteeName: z.string(),
      phone: z.string(),
      language: z.string(),
    }),
  })
  .meta({ id: 'AdminNotification' });

export const adminNotificationPageSchema = z
  .object({
    items: z.array(adminNotificationSchema),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .meta({ id: 'AdminNotificationPage' });
