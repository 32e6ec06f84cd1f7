import { z } from 'zod';
import { phoneInputSchema } from './bookings.ts';

/** An admin erases one devotee's personal data, found by their phone number. */
export const erasureRequestSchema = z
  .strictObject({
    phone: phoneInputSchema,
    cancelUpcoming: z
      .boolean()
      .default(false)
      .describe(
        'Cancel the number’s upcoming confirmed bookings (freeing their places) and erase them too; ' +
          'without it an erasure with upcoming bookings is refused with 409 upcoming_bookings',
      ),
  })
  .meta({ id: 'ErasureRequest' });
export type ErasureRequestInput = z.input<typeof erasureRequestSchema>;

export const erasureResultSchema = z
  .object({
    bookings: z.number().int().describe('Bookings whose personal details were erased'),
    cancelledUpcoming: z.number().int().describe('Upcoming confirmed bookings cancelled first'),
    notifications: z.number().int().describe('WhatsApp messages scrubbed or withdrawn'),
    auditEntries: z.number().int().describe('Audit entries whose copies were scrubbed'),
  })
  .meta({ id: 'ErasureResult' });
export type ErasureResult = z.infer<typeof erasureResultSchema>;
