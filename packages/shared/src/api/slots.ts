import { z } from 'zod';
import { isoDateSchema } from './common.ts';

export const slotStatuses = ['open', 'closed', 'cancelled'] as const;
export const slotStatusSchema = z.enum(slotStatuses);
export type SlotStatus = z.infer<typeof slotStatusSchema>;

/** Why a slot cannot be booked right now; null when it can. */
export const unbookableReasons = [
  'full',
  'closed',
  'cancelled',
  'not_open_yet',
  'booking_closed',
  'seva_inactive',
] as const;

export const slotSchema = z
  .object({
    id: z.number().int(),
    sevaId: z.number().int(),
    startsAt: z.iso.datetime().describe('UTC instant'),
    date: z.string().describe('Temple-local date, YYYY-MM-DD'),
    time: z.string().describe('Temple-local start time, HH:mm'),
    capacity: z.number().int(),
    booked: z.number().int(),
    remaining: z.number().int(),
    status: slotStatusSchema,
    bookable: z.boolean(),
    unbookableReason: z.enum(unbookableReasons).nullable(),
    bookingOpensAt: z.iso.datetime(),
    bookingClosesAt: z.iso.datetime(),
    waitlist: z
      .object({ open: z.boolean() })
      .optional()
      .describe(
        'open: the slot is full but its waiting list takes devotees (POST /slots/{slotId}/waitlist)',
      ),
  })
  .meta({ id: 'Slot' });
export type Slot = z.infer<typeof slotSchema>;

export const MAX_SLOT_RANGE_DAYS = 62;

export const slotQuerySchema = z
  .strictObject({
    from: isoDateSchema,
    to: isoDateSchema,
    sevaId: z.coerce.number().int().positive().optional(),
  })
  .refine((q) => q.from <= q.to, { message: '`to` must not be before `from`', path: ['to'] });
export type SlotQuery = z.infer<typeof slotQuerySchema>;

export const slotListSchema = z.object({ items: z.array(slotSchema) }).meta({ id: 'SlotList' });
export type SlotList = z.infer<typeof slotListSchema>;

/** One Server-Sent Event on /api/v1/availability/stream (event name `slot`). */
export const availabilityEventSchema = z
  .object({
    slotId: z.number().int(),
    sevaId: z.number().int(),
    capacity: z.number().int(),
    booked: z.number().int(),
    remaining: z.number().int(),
    status: slotStatusSchema,
  })
  .meta({ id: 'AvailabilityEvent' });
export type AvailabilityEvent = z.infer<typeof availabilityEventSchema>;
