import { z } from 'zod';
import { freeTextSchema } from '../devotee-text.ts';
import { localTimePattern } from '../temple-time.ts';
import { isoDateSchema, localizedTextSchema } from './common.ts';
import { bringNoteSchema } from './sevas.ts';
import { slotStatusSchema } from './slots.ts';

const textIn = (max: number) => z.string().trim().min(1).max(max);
const localizedInput = (max: number) =>
  z.strictObject({
    en: textIn(max),
    kn: textIn(max),
    hi: textIn(max).nullable().optional(),
    te: textIn(max).nullable().optional(),
  });

// Seva ----------------------------------------------------------------------------------------

/**
 * counter: paid at the temple counter (the default); online_required: paid online when booked,
 * the place held meanwhile; online_or_counter: the devotee chooses. Free sevas never ask.
 */
export const sevaPaymentModes = ['counter', 'online_required', 'online_or_counter'] as const;
export const sevaPaymentModeSchema = z.enum(sevaPaymentModes).meta({ id: 'SevaPaymentMode' });
export type SevaPaymentMode = z.infer<typeof sevaPaymentModeSchema>;

export const adminSevaSchema = z
  .object({
    id: z.number().int(),
    slug: z.string(),
    name: localizedTextSchema,
    description: localizedTextSchema,
    durationMinutes: z.number().int(),
    feePaise: z.number().int(),
    defaultCapacity: z.number().int(),
    maxPersonsPerBooking: z.number().int(),
    bookingOpensDaysAhead: z.number().int(),
    bookingClosesMinutesBefore: z.number().int(),
    arriveMinutesBefore: z.number().int(),
    bringNote: bringNoteSchema.nullable(),
    asks: z.object({ gotra: z.boolean(), nakshatra: z.boolean(), rashi: z.boolean() }),
    active: z.boolean(),
    sortOrder: z.number().int(),
    paymentMode: sevaPaymentModeSchema,
    refundFullHoursBefore: z
      .number()
      .int()
      .describe(
        'A full refund when cancelled at least this many hours before the start; none after',
      ),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'AdminSeva' });
export type AdminSeva = z.infer<typeof adminSevaSchema>;

export const adminSevaListSchema = z
  .object({ items: z.array(adminSevaSchema) })
  .meta({ id: 'AdminSevaList' });

/** A seva's address on the devotee site; the admin's seva form checks it with the same rule. */
export const sevaSlugSchema = z
  .string()
  .trim()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Lower-case letters, digits and dashes, e.g. rathotsava-seva')
  .max(64);

const sevaFields = {
  slug: sevaSlugSchema,
  name: localizedInput(120),
  description: localizedInput(5000),
  durationMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60),
  feePaise: z.number().int().min(0).max(100_000_000).describe('Per person, in paise; 0 = free'),
  defaultCapacity: z.number().int().min(1).max(100_000),
  maxPersonsPerBooking: z.number().int().min(1).max(50),
  bookingOpensDaysAhead: z.number().int().min(0).max(366),
  bookingClosesMinutesBefore: z
    .number()
    .int()
    .min(0)
    .max(30 * 24 * 60),
  arriveMinutesBefore: z.number().int().min(0).max(240),
  bringNote: z
    .strictObject({ en: z.string().trim().min(1).max(300), kn: z.string().trim().min(1).max(300) })
    .nullable()
    .describe('What to bring or wear, told in the confirmation and reminder; null = nothing'),
  asks: z.strictObject({ gotra: z.boolean(), nakshatra: z.boolean(), rashi: z.boolean() }),
  active: z.boolean(),
  sortOrder: z.number().int().min(-1000).max(1000),
  paymentMode: sevaPaymentModeSchema,
  refundFullHoursBefore: z
    .number()
    .int()
    .min(0)
    .max(366 * 24)
    .describe('Full refund when cancelled at least this many hours before the start; none after'),
};

export const createSevaSchema = z
  .strictObject({
    ...sevaFields,
    asks: sevaFields.asks.default({ gotra: false, nakshatra: false, rashi: false }),
    active: sevaFields.active.default(true),
    arriveMinutesBefore: sevaFields.arriveMinutesBefore.default(0),
    bringNote: sevaFields.bringNote.default(null),
    sortOrder: sevaFields.sortOrder.default(0),
    // Left out: the database's defaults, counter and 24 hours.
    paymentMode: sevaFields.paymentMode.optional(),
    refundFullHoursBefore: sevaFields.refundFullHoursBefore.optional(),
  })
  .meta({ id: 'CreateSeva' });
export type CreateSeva = z.infer<typeof createSevaSchema>;

export const updateSevaSchema = z
  .strictObject(sevaFields)
  .partial()
  .refine((v) => Object.values(v).some((x) => x !== undefined), {
    message: 'Change at least one field',
  })
  .meta({ id: 'UpdateSeva' });
export type UpdateSeva = z.infer<typeof updateSevaSchema>;

// Schedule ------------------------------------------------------------------------------------

const weekdaysSchema = z
  .array(z.number().int().min(1).max(7))
  .min(1)
  .max(7)
  .describe('ISO weekdays: 1 = Monday … 7 = Sunday');
const timesSchema = z
  .array(z.string().regex(localTimePattern, 'Use a time like 06:30'))
  .min(1)
  .max(24)
  .describe('Temple-local start times, HH:mm');

export const adminScheduleSchema = z
  .object({
    id: z.number().int(),
    sevaId: z.number().int(),
    weekdays: z.array(z.number().int()),
    times: z.array(z.string()),
    capacity: z.number().int().nullable().describe('null: the seva’s default capacity'),
    validFrom: z.string(),
    validUntil: z.string().nullable(),
    active: z.boolean(),
  })
  .meta({ id: 'AdminSchedule' });
export type AdminSchedule = z.infer<typeof adminScheduleSchema>;

export const adminScheduleListSchema = z
  .object({ items: z.array(adminScheduleSchema) })
  .meta({ id: 'AdminScheduleList' });

const scheduleFields = {
  weekdays: weekdaysSchema,
  times: timesSchema,
  capacity: z.number().int().min(1).max(100_000).nullable(),
  validFrom: isoDateSchema,
  validUntil: isoDateSchema.nullable(),
  active: z.boolean(),
};

const validityInOrder = (v: {
  validFrom?: string | undefined;
  validUntil?: string | null | undefined;
}) => !v.validFrom || !v.validUntil || v.validFrom <= v.validUntil;

export const createScheduleSchema = z
  .strictObject({
    ...scheduleFields,
    capacity: scheduleFields.capacity.default(null),
    validUntil: scheduleFields.validUntil.default(null),
    active: scheduleFields.active.default(true),
  })
  .refine(validityInOrder, {
    message: '`validUntil` must not be before `validFrom`',
    path: ['validUntil'],
  })
  .meta({ id: 'CreateSchedule' });
export type CreateSchedule = z.infer<typeof createScheduleSchema>;

export const updateScheduleSchema = z
  .strictObject(scheduleFields)
  .partial()
  .refine((v) => Object.values(v).some((x) => x !== undefined), {
    message: 'Change at least one field',
  })
  .refine(validityInOrder, {
    message: '`validUntil` must not be before `validFrom`',
    path: ['validUntil'],
  })
  .meta({ id: 'UpdateSchedule' });
export type UpdateSchedule = z.infer<typeof updateScheduleSchema>;

export const scheduleChangeSchema = z
  .object({
    schedule: adminScheduleSchema,
    slots: z.object({
      removed: z.number().int().describe('Future slots without bookings that no longer fit'),
      created: z.number().int(),
      keptWithBookings: z
        .number()
        .int()
        .describe('Future slots of this schedule that have bookings: left exactly as they were'),
    }),
  })
  .meta({ id: 'ScheduleChange' });
export type ScheduleChange = z.infer<typeof scheduleChangeSchema>;

// Slot ----------------------------------------------------------------------------------------

export const adminSlotSchema = z
  .object({
    id: z.number().int(),
    sevaId: z.number().int(),
    scheduleId: z.number().int().nullable().describe('null for an extra one-off slot'),
    startsAt: z.iso.datetime(),
    date: z.string(),
    time: z.string(),
    capacity: z.number().int(),
    booked: z.number().int(),
    status: slotStatusSchema,
    note: z.string().nullable(),
  })
  .meta({ id: 'AdminSlot' });
export type AdminSlot = z.infer<typeof adminSlotSchema>;

export const adminSlotListSchema = z
  .object({ items: z.array(adminSlotSchema) })
  .meta({ id: 'AdminSlotList' });

export const adminSlotQuerySchema = z
  .strictObject({
    from: isoDateSchema,
    to: isoDateSchema,
    sevaId: z.coerce.number().int().positive().optional(),
  })
  .refine((q) => q.from <= q.to, { message: '`to` must not be before `from`', path: ['to'] });

export const createSlotSchema = z
  .strictObject({
    sevaId: z.number().int().positive(),
    date: isoDateSchema,
    time: z.string().regex(localTimePattern, 'Use a time like 06:30'),
    capacity: z
      .number()
      .int()
      .min(1)
      .max(100_000)
      .optional()
      .describe('The seva’s default when left out'),
    note: freeTextSchema(200).optional(),
  })
  .meta({ id: 'CreateSlot' });
export type CreateSlot = z.infer<typeof createSlotSchema>;

export const updateSlotSchema = z
  .strictObject({
    capacity: z.number().int().min(1).max(100_000).optional(),
    status: slotStatusSchema
      .optional()
      .describe('closed or cancelled cancels the slot’s bookings and tells each devotee'),
    note: freeTextSchema(200).nullable().optional(),
    reason: freeTextSchema(300)
      .optional()
      .describe('Told to devotees whose bookings are cancelled'),
  })
  .refine((v) => v.capacity !== undefined || v.status !== undefined || v.note !== undefined, {
    message: 'Change at least one of capacity, status, note',
  })
  // Devotees whose bookings go with the slot are told why; "cancelled" alone is not enough.
  .refine((v) => !v.status || v.status === 'open' || (v.reason?.length ?? 0) >= 2, {
    message: 'Give the reason each devotee will be told',
    path: ['reason'],
  })
  .meta({ id: 'UpdateSlot' });
export type UpdateSlot = z.infer<typeof updateSlotSchema>;

export const slotChangeSchema = z
  .object({ slot: adminSlotSchema, bookingsCancelled: z.number().int() })
  .meta({ id: 'SlotChange' });

// Closed date ---------------------------------------------------------------------------------

export const closedDateSchema = z
  .object({
    id: z.number().int(),
    sevaId: z.number().int().nullable().describe('null: the whole temple is closed'),
    date: z.string(),
    reason: z.string(),
  })
  .meta({ id: 'ClosedDate' });
export type ClosedDate = z.infer<typeof closedDateSchema>;

export const closedDateListSchema = z
  .object({ items: z.array(closedDateSchema) })
  .meta({ id: 'ClosedDateList' });

export const closedDateQuerySchema = z
  .strictObject({ from: isoDateSchema.optional(), to: isoDateSchema.optional() })
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    message: '`to` must not be before `from`',
    path: ['to'],
  });

export const createClosedDateSchema = z
  .strictObject({
    sevaId: z.number().int().positive().nullable().default(null),
    date: isoDateSchema,
    reason: freeTextSchema(200, 2),
  })
  .meta({ id: 'CreateClosedDate' });
export type CreateClosedDate = z.infer<typeof createClosedDateSchema>;

export const closedDateChangeSchema = z
  .object({
    closedDate: closedDateSchema,
    slotsCancelled: z.number().int(),
    bookingsCancelled: z.number().int(),
  })
  .meta({ id: 'ClosedDateChange' });
