import { z } from 'zod';
import { devoteeNameSchema } from '../devotee-text.ts';
import { MAX_PERSONS_PER_BOOKING, phoneInputSchema } from './bookings.ts';
import { languageSchema, localizedTextSchema } from './common.ts';

/**
 * The waiting list of a full slot. A devotee joins with the same details as a booking; when
 * places are freed the first entry that fits is offered them: a booking in status `offered`
 * that holds the places until `holdExpiresAt`, accepted from the link in the WhatsApp message
 * (docs/decisions/0019-check-in-codes-and-waitlist-offers.md).
 */

/** waiting; offered (places held for it); booked (accepted); expired; removed (left, or by staff). */
export const waitlistStatuses = ['waiting', 'offered', 'booked', 'expired', 'removed'] as const;
export const waitlistStatusSchema = z.enum(waitlistStatuses);
export type WaitlistStatus = z.infer<typeof waitlistStatusSchema>;

export const joinWaitlistSchema = z
  .strictObject({
    devoteeName: devoteeNameSchema,
    phone: phoneInputSchema,
    persons: z.number().int().min(1).max(MAX_PERSONS_PER_BOOKING),
    email: z
      .union([z.literal(''), z.email('Enter a valid email address').max(254)])
      .optional()
      .transform((v) => (v === '' ? undefined : v)),
    language: languageSchema.default('en'),
  })
  .meta({ id: 'JoinWaitlist' });
export type JoinWaitlistInput = z.input<typeof joinWaitlistSchema>;
export type JoinWaitlist = z.output<typeof joinWaitlistSchema>;

export const waitlistSlotParamSchema = z.object({
  slotId: z.coerce.number().int().positive(),
});

export const waitlistTokenQuerySchema = z.object({
  token: z.string().max(64).optional(),
});

/** The places held for an entry, while its offer is open. */
export const waitlistOfferSchema = z
  .object({
    reference: z.string().describe('The held booking'),
    persons: z.number().int(),
    feePaise: z.number().int().describe('Total for all persons'),
    holdExpiresAt: z.iso.datetime().describe('The places go to the next devotee waiting then'),
  })
  .meta({ id: 'WaitlistOffer' });

/** An entry as its devotee sees it (with its link token). */
export const waitlistEntrySchema = z
  .object({
    id: z.number().int(),
    status: waitlistStatusSchema,
    devoteeName: z.string(),
    persons: z.number().int(),
    language: languageSchema,
    position: z
      .number()
      .int()
      .nullable()
      .describe('1 = next to be offered places; null once no longer waiting'),
    slot: z.object({
      id: z.number().int(),
      startsAt: z.iso.datetime(),
      date: z.string().describe('Temple-local date, YYYY-MM-DD'),
      time: z.string().describe('Temple-local start time, HH:mm'),
    }),
    seva: z.object({ id: z.number().int(), name: localizedTextSchema }),
    offer: waitlistOfferSchema.nullable(),
    bookingReference: z.string().nullable().describe('Once accepted: the booking the entry became'),
  })
  .meta({ id: 'WaitlistEntry' });
export type WaitlistEntry = z.infer<typeof waitlistEntrySchema>;

export const joinedWaitlistSchema = waitlistEntrySchema
  .extend({
    token: z.string().describe('Shown once: keep it to see the position, leave or accept'),
    url: z.string().describe('The entry’s page on the devotee site'),
  })
  .meta({ id: 'JoinedWaitlist' });
export type JoinedWaitlist = z.infer<typeof joinedWaitlistSchema>;

/** An accepted offer: the booking, with its manage token (shown once). */
export const acceptedOfferSchema = z
  .object({
    reference: z.string(),
    status: z.enum(['confirmed', 'pending_payment']),
    manageToken: z.string(),
    manageUrl: z.string(),
  })
  .meta({ id: 'AcceptedWaitlistOffer' });
export type AcceptedOffer = z.infer<typeof acceptedOfferSchema>;

/** An entry as staff see it (viewers: phone masked, no email). */
export const adminWaitlistEntrySchema = z
  .object({
    id: z.number().int(),
    status: waitlistStatusSchema,
    devoteeName: z.string(),
    phone: z.string(),
    email: z.string().nullable(),
    persons: z.number().int(),
    language: languageSchema,
    position: z.number().int().nullable(),
    offersMade: z.number().int(),
    offer: waitlistOfferSchema.nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'AdminWaitlistEntry' });
export type AdminWaitlistEntry = z.infer<typeof adminWaitlistEntrySchema>;

export const adminWaitlistSchema = z
  .object({
    slotId: z.number().int(),
    capacity: z.number().int(),
    booked: z.number().int(),
    items: z.array(adminWaitlistEntrySchema).describe('Live entries first, in waiting order'),
  })
  .meta({ id: 'AdminWaitlist' });
export type AdminWaitlist = z.infer<typeof adminWaitlistSchema>;
