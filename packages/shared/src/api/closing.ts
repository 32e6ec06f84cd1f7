import { z } from 'zod';
import { isoDateSchema } from './common.ts';

// What closing a date or a slot would do, asked before it is done ---------------------------

export const closingImpactQuerySchema = z.strictObject({
  date: isoDateSchema,
  sevaId: z.coerce
    .number()
    .int()
    .positive()
    .optional()
    .describe('Left out: the whole temple closes'),
});
export type ClosingImpactQuery = z.infer<typeof closingImpactQuerySchema>;

export const closingImpactSchema = z
  .object({
    slots: z.number().int().describe('Slots that would be cancelled'),
    bookings: z.number().int().describe('Confirmed bookings that would be cancelled'),
    devotees: z.number().int().describe('Different phone numbers among those bookings'),
    persons: z.number().int(),
  })
  .meta({ id: 'ClosingImpact' });
export type ClosingImpact = z.infer<typeof closingImpactSchema>;

// Closed dates as devotees see them ----------------------------------------------------------

export const publicClosedDateQuerySchema = z
  .strictObject({
    from: isoDateSchema,
    to: isoDateSchema,
    sevaId: z.coerce.number().int().positive().optional(),
  })
  .refine((q) => q.from <= q.to, { message: '`to` must not be before `from`', path: ['to'] });
export type PublicClosedDateQuery = z.infer<typeof publicClosedDateQuerySchema>;

export const publicClosedDateSchema = z
  .object({
    date: z.string(),
    sevaId: z.number().int().nullable().describe('null: the whole temple is closed'),
    reason: z.string(),
  })
  .meta({ id: 'PublicClosedDate' });
export type PublicClosedDate = z.infer<typeof publicClosedDateSchema>;

export const publicClosedDateListSchema = z
  .object({ items: z.array(publicClosedDateSchema) })
  .meta({ id: 'PublicClosedDateList' });
export type PublicClosedDateList = z.infer<typeof publicClosedDateListSchema>;
