import { z } from 'zod';
import { localizedTextSchema } from './common.ts';

/** What to bring or wear for a seva, in English and Kannada. */
export const bringNoteSchema = z
  .object({ en: z.string(), kn: z.string() })
  .meta({ id: 'BringNote' });

export const sevaSchema = z
  .object({
    id: z.number().int(),
    slug: z.string(),
    name: localizedTextSchema,
    description: localizedTextSchema,
    durationMinutes: z.number().int(),
    feePaise: z.number().int().describe('Fee per person in paise; 0 means free'),
    defaultCapacity: z.number().int(),
    maxPersonsPerBooking: z.number().int(),
    bookingOpensDaysAhead: z.number().int(),
    bookingClosesMinutesBefore: z.number().int(),
    arriveMinutesBefore: z
      .number()
      .int()
      .describe('Minutes before the start to be at the temple; 0 = nothing particular'),
    bringNote: bringNoteSchema.nullable().describe('What to bring or wear; null = nothing asked'),
    asks: z.object({ gotra: z.boolean(), nakshatra: z.boolean(), rashi: z.boolean() }),
    active: z.boolean(),
    paymentMode: z
      .enum(['counter', 'online_required', 'online_or_counter'])
      .describe('How its fee is paid; counter whenever the temple does not take payments online'),
    refundFullHoursBefore: z
      .number()
      .int()
      .describe('Cancelled at least this many hours before the start: full refund; after: none'),
    nextOpenDates: z
      .array(z.string())
      .describe('Up to three temple-local dates with places still free, soonest first'),
  })
  .meta({ id: 'Seva' });
export type Seva = z.infer<typeof sevaSchema>;

export const sevaListSchema = z.object({ items: z.array(sevaSchema) }).meta({ id: 'SevaList' });
export type SevaList = z.infer<typeof sevaListSchema>;
