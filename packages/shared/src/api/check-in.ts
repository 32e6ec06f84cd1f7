import { z } from 'zod';
import { daysBetween } from '../temple-time.ts';
import { bookingStatuses } from './bookings.ts';
import { isoDateSchema, localizedTextSchema } from './common.ts';

/**
 * Check-in at the gate: a scanned QR (`code`) or a typed reference, answered in one glance.
 * See docs/decisions/0019-check-in-codes-and-waitlist-offers.md.
 */
export const checkInRequestSchema = z
  .strictObject({
    code: z
      .string()
      .trim()
      .min(1)
      .max(64)
      .optional()
      .describe('What the booking’s QR code holds (`checkInCode` of the booking)'),
    reference: z
      .string()
      .trim()
      .min(1)
      .max(32)
      .optional()
      .describe('A reference typed by staff, e.g. SB-7K3Q9P or 7k3q9p'),
    scanId: z
      .uuid()
      .optional()
      .describe(
        'Made by the gate device for each scan; the same scan sent again (a queued offline ' +
          'scan, a retry) is answered as the check-in it made, never a second one',
      ),
    scannedAt: z.iso
      .datetime({ offset: true })
      .optional()
      .describe('When the device scanned it, for scans queued while offline; at most now'),
    slotId: z
      .number()
      .int()
      .positive()
      .optional()
      .describe('The slot the gate is admitting; a booking for another slot is wrong_slot'),
    anyway: z
      .boolean()
      .default(false)
      .describe('Check in a wrong_slot booking all the same (staff chose to let them in)'),
  })
  .refine((body) => (body.code === undefined) !== (body.reference === undefined), {
    message: 'Send either `code` or `reference`',
    path: ['code'],
  })
  .meta({ id: 'CheckInRequest' });
export type CheckInRequestInput = z.input<typeof checkInRequestSchema>;
export type CheckInRequest = z.output<typeof checkInRequestSchema>;

/**
 * green: checked_in; amber: already_checked_in, wrong_slot; red: cancelled, not_found,
 * invalid_code, not_confirmed.
 */
export const checkInOutcomes = [
  'checked_in',
  'already_checked_in',
  'wrong_slot',
  'cancelled',
  'not_found',
  'invalid_code',
  'not_confirmed',
] as const;
export type CheckInOutcome = (typeof checkInOutcomes)[number];

export const checkInBookingSchema = z.object({
  id: z.number().int(),
  reference: z.string(),
  devoteeName: z.string(),
  persons: z.number().int(),
  status: z.enum(bookingStatuses),
  seva: z.object({ id: z.number().int(), name: localizedTextSchema }),
  slot: z.object({
    id: z.number().int(),
    startsAt: z.iso.datetime(),
    date: z.string().describe('Temple date'),
    time: z.string().describe('Temple-local HH:mm'),
  }),
  arrivedAt: z.iso.datetime().nullable(),
  arrivedBy: z.string().nullable().describe('Name of the staff member who checked it in'),
});
export type CheckInBooking = z.infer<typeof checkInBookingSchema>;

export const checkInResultSchema = z
  .object({
    outcome: z.enum(checkInOutcomes),
    replayed: z
      .boolean()
      .describe('checked_in by this same scan before (a retry or a queued scan sent again)'),
    booking: checkInBookingSchema.nullable().describe('Null for not_found and invalid_code'),
  })
  .meta({ id: 'CheckInResult' });
export type CheckInResult = z.infer<typeof checkInResultSchema>;

/** Arrival columns of a booking on the day sheet. */
export const bookingArrivalFields = {
  arrivedAt: z.iso.datetime().nullable().describe('When it was checked in at the gate'),
  arrivedTime: z.string().nullable().describe('The same, temple-local HH:mm'),
  arrivedBy: z.string().nullable().describe('Who checked it in'),
};

/** Arrival counts of a slot on the day sheet: confirmed bookings checked in, of those expected. */
export const slotArrivalFields = {
  arrivals: z.object({
    bookings: z.number().int(),
    persons: z.number().int(),
    expectedBookings: z.number().int().describe('Confirmed bookings'),
    expectedPersons: z.number().int(),
  }),
};

export const noShowQuerySchema = z
  .strictObject({ from: isoDateSchema, to: isoDateSchema })
  .refine((q) => q.from <= q.to, { message: '`to` must not be before `from`', path: ['to'] })
  .refine((q) => daysBetween(q.from, q.to) <= 366, {
    message: 'At most a year at a time',
    path: ['to'],
  });
export type NoShowQuery = z.infer<typeof noShowQuerySchema>;

export const noShowReportSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    sevas: z.array(
      z.object({
        sevaId: z.number().int(),
        name: localizedTextSchema,
        expected: z.number().int().describe('Confirmed bookings of slots that have ended'),
        arrived: z.number().int(),
        noShows: z.number().int(),
      }),
    ),
    phones: z
      .array(
        z.object({
          phone: z.string().describe('E.164; masked for viewers'),
          devoteeName: z.string().describe('The name on the latest of its no-shows'),
          noShows: z.number().int(),
          lastNoShowDate: z.string(),
        }),
      )
      .describe('Phones with two or more no-shows in the range, most first'),
  })
  .meta({ id: 'NoShowReport' });
export type NoShowReport = z.infer<typeof noShowReportSchema>;
