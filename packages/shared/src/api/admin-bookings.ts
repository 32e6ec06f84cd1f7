import { z } from 'zod';
import { devoteeNameSchema, gotraSchema } from '../devotee-text.ts';
import { nakshatraKeys, rashiKeys } from '../sankalpa.ts';
import { bookingMoneyFields, payAtOnceSchema } from './admin-payments.ts';
import {
  bookingSchema,
  bookingSources,
  bookingStatuses,
  cancelBookingSchema,
  createBookingSchema,
  phoneInputSchema,
} from './bookings.ts';
import { isoDateSchema, languageSchema } from './common.ts';

export const adminBookingSorts = ['startsAt', '-startsAt', 'createdAt', '-createdAt'] as const;

export const adminBookingQuerySchema = z
  .strictObject({
    from: isoDateSchema.optional().describe('First temple date of the slot (inclusive)'),
    to: isoDateSchema.optional().describe('Last temple date of the slot (inclusive)'),
    sevaId: z.coerce.number().int().positive().optional(),
    slotId: z.coerce.number().int().positive().optional(),
    status: z.enum(bookingStatuses).optional(),
    source: z.enum(bookingSources).optional(),
    q: z
      .string()
      .trim()
      .min(1)
      .max(80)
      .optional()
      .describe('Reference, devotee name or phone digits'),
    sort: z.enum(adminBookingSorts).default('startsAt'),
    page: z.coerce.number().int().min(1).max(10_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(50),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    message: '`to` must not be before `from`',
    path: ['to'],
  });
export type AdminBookingQuery = z.infer<typeof adminBookingQuerySchema>;

export const adminBookingSchema = bookingSchema
  .extend({
    id: z.number().int(),
    version: z.number().int(),
    cancelledBy: z.enum(['staff', 'devotee', 'api_key', 'system']).nullable(),
    cancelReason: z.string().nullable(),
    createdByStaffId: z.number().int().nullable(),
    apiKeyId: z.number().int().nullable(),
    privacyNoticeVersion: z
      .string()
      .nullable()
      .describe('The privacy notice the devotee site showed; null for counter and API bookings'),
    updatedAt: z.iso.datetime(),
    // What staff see of its money: the payment with its receipt and clerk, the refund in full.
    ...bookingMoneyFields,
  })
  .meta({ id: 'AdminBooking' });
export type AdminBooking = z.infer<typeof adminBookingSchema>;

export const adminBookingPageSchema = z
  .object({
    items: z.array(adminBookingSchema),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .meta({ id: 'AdminBookingPage' });
export type AdminBookingPage = z.infer<typeof adminBookingPageSchema>;

/** Staff edit a booking's details, or move it to another slot (`slotId`), or both. */
export const updateBookingSchema = z
  .strictObject({
    slotId: z.number().int().positive().optional(),
    persons: z.number().int().min(1).max(50).optional(),
    devoteeName: devoteeNameSchema.optional(),
    phone: phoneInputSchema.optional(),
    email: z
      .union([z.email().max(254), z.literal('')])
      .nullable()
      .optional()
      .transform((v) => (v === '' ? null : v)),
    gotra: gotraSchema
      .nullable()
      .transform((v) => (v === '' ? null : v))
      .optional(),
    nakshatra: z.enum(nakshatraKeys).nullable().optional(),
    rashi: z.enum(rashiKeys).nullable().optional(),
    language: languageSchema.optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), {
    message: 'Change at least one field',
  })
  .meta({ id: 'UpdateBooking' });
export type UpdateBooking = z.infer<typeof updateBookingSchema>;

/**
 * A cancelled booking brought back by staff (the admin's Undo): the same booking, reference and
 * manage link, confirmed again.
 */
export const restoredBookingSchema = adminBookingSchema
  .extend({
    cancellationWithdrawn: z
      .boolean()
      .describe(
        'True when the cancellation message had not gone out and now never will, so the devotee ' +
          'hears nothing; false when it may have reached them, so a change message with the ' +
          'booking’s details now tells them it stands',
      ),
  })
  .meta({ id: 'RestoredBooking' });
export type RestoredBooking = z.infer<typeof restoredBookingSchema>;

/** A counter or phone booking; with `payment` the devotee pays its whole fee at once. */
export const adminCreateBookingSchema = createBookingSchema
  .extend({ payment: payAtOnceSchema.optional() })
  .meta({ id: 'AdminCreateBooking' });
export type AdminCreateBookingInput = z.input<typeof adminCreateBookingSchema>;

/**
 * Staff cancel. `refund` overrides the seva's refund policy: true refunds a kept payment in full
 * even after the policy's deadline, false keeps it even before; left out, the policy decides
 * (a full refund when cancelled at least the seva's refundFullHoursBefore hours before the start).
 */
export const adminCancelBookingSchema = cancelBookingSchema
  .extend({
    refund: z
      .boolean()
      .optional()
      .describe('Override the seva’s refund policy; left out, the policy decides'),
  })
  .meta({ id: 'AdminCancelBooking' });
export type AdminCancelBooking = z.infer<typeof adminCancelBookingSchema>;
