import { z } from 'zod';
import { bookingMoneyFields } from './admin-payments.ts';
import { bookingSources, bookingStatuses } from './bookings.ts';
import { bookingArrivalFields, slotArrivalFields } from './check-in.ts';
import { isoDateSchema, localizedTextSchema } from './common.ts';
import { slotStatusSchema } from './slots.ts';

export const notificationStatuses = [
  'pending',
  'sending',
  'sent',
  'delivered',
  'read',
  'failed',
  'dead',
  'cancelled',
] as const;

export const daySheetQuerySchema = z.strictObject({
  date: isoDateSchema,
  sevaId: z.coerce.number().int().positive().optional(),
  includeCancelled: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true')
    .describe('Also list cancelled bookings (struck through on the printed sheet)'),
});
export type DaySheetQuery = z.infer<typeof daySheetQuerySchema>;

export const daySheetBookingSchema = z.object({
  id: z.number().int(),
  reference: z.string(),
  devoteeName: z.string(),
  phone: z.string(),
  persons: z.number().int(),
  gotra: z.string().nullable(),
  nakshatra: z.string().nullable(),
  rashi: z.string().nullable(),
  status: z.enum(bookingStatuses),
  source: z.enum(bookingSources),
  feePaise: z.number().int(),
  confirmationStatus: z
    .enum(notificationStatuses)
    .nullable()
    .describe('Of the WhatsApp confirmation'),
  confirmationAttempts: z
    .number()
    .int()
    .nullable()
    .describe('Tries so far to send the WhatsApp confirmation; pending after a try means retrying'),
  ...bookingArrivalFields,
  ...bookingMoneyFields,
});

export const daySheetSlotSchema = z.object({
  id: z.number().int(),
  startsAt: z.iso.datetime(),
  time: z.string().describe('Temple-local HH:mm'),
  seva: z.object({
    id: z.number().int(),
    name: localizedTextSchema,
    durationMinutes: z.number().int(),
  }),
  capacity: z.number().int(),
  booked: z.number().int(),
  status: slotStatusSchema,
  note: z.string().nullable(),
  bookings: z.array(daySheetBookingSchema),
  ...slotArrivalFields,
});

export const daySheetSchema = z
  .object({
    date: z.string(),
    slots: z.array(daySheetSlotSchema),
    totals: z.object({
      bookings: z.number().int(),
      persons: z.number().int(),
      feePaise: z.number().int(),
    }),
  })
  .meta({ id: 'DaySheet' });
export type DaySheet = z.infer<typeof daySheetSchema>;

export const sevaSummaryQuerySchema = z
  .strictObject({ from: isoDateSchema, to: isoDateSchema })
  .refine((q) => q.from <= q.to, { message: '`to` must not be before `from`', path: ['to'] });

export const sevaSummarySchema = z
  .object({
    from: z.string(),
    to: z.string(),
    items: z.array(
      z.object({
        sevaId: z.number().int(),
        name: localizedTextSchema,
        slots: z.number().int(),
        bookings: z.number().int().describe('Confirmed bookings'),
        persons: z.number().int(),
        feePaise: z.number().int().describe('Fees of the confirmed bookings, in paise'),
      }),
    ),
  })
  .meta({ id: 'SevaSummary' });
export type SevaSummary = z.infer<typeof sevaSummarySchema>;
