import { z } from 'zod';
import { toE164 } from '../phone.ts';
import { privacyNoticeVersionPattern } from '../privacy.ts';
import { devoteeNameSchema, freeTextSchema, gotraSchema } from '../devotee-text.ts';
import { nakshatraKeys, rashiKeys } from '../sankalpa.ts';
import { languageSchema } from './common.ts';

/**
 * confirmed; cancelled; pending_payment (its places held until holdExpiresAt while the devotee
 * pays online); expired (the hold ran out, the places went back on sale); offered (held for a
 * waitlist entry until holdExpiresAt).
 */
export const bookingStatuses = [
  'confirmed',
  'cancelled',
  'pending_payment',
  'expired',
  'offered',
] as const;
export const bookingSources = ['web', 'counter', 'api'] as const;
/** How a booking is paid: at the temple counter, or online before it is confirmed. */
export const bookingPays = ['counter', 'online'] as const;

/** The receipt of the payment a booking stands on: {RECEIPT_PREFIX}/2026-27/000123. */
export const bookingReceiptSchema = z
  .object({
    number: z.string().describe('e.g. SB/2026-27/000123; numbers have no gaps within a year'),
    amountPaise: z.number().int(),
    method: z.enum(['online', 'cash', 'upi', 'card']),
    paidAt: z.iso.datetime(),
  })
  .meta({ id: 'BookingReceipt' });
export type BookingReceipt = z.infer<typeof bookingReceiptSchema>;

/** Money being given back to the devotee (a cancellation, a payment too late or twice). */
export const bookingRefundViewSchema = z
  .object({
    amountPaise: z.number().int(),
    method: z.enum(['razorpay', 'cash']).describe('razorpay: to the card or UPI account paid from'),
    status: z.enum(['pending', 'processing', 'processed', 'failed', 'due_at_counter']),
  })
  .meta({ id: 'BookingRefundView' });
export type BookingRefundView = z.infer<typeof bookingRefundViewSchema>;

/** What the devotee site needs to open Razorpay Checkout for a held booking. */
export const razorpayCheckoutSchema = z
  .object({
    orderId: z.string(),
    amountPaise: z.number().int(),
    currency: z.literal('INR'),
    keyId: z.string().describe('The public key id Checkout is opened with'),
    checkoutUrl: z.string().describe('The Checkout script to load'),
  })
  .meta({ id: 'RazorpayCheckout' });
export type RazorpayCheckout = z.infer<typeof razorpayCheckoutSchema>;

export const verifyRazorpayPaymentSchema = z
  .strictObject({
    razorpay_order_id: z.string().min(1).max(40),
    razorpay_payment_id: z.string().min(1).max(40),
    razorpay_signature: z.string().min(1).max(128),
  })
  .meta({ id: 'VerifyRazorpayPayment' });
export type VerifyRazorpayPayment = z.infer<typeof verifyRazorpayPaymentSchema>;

/** A phone number as typed; the API stores it in E.164 (India is the default country). */
export const phoneInputSchema = z
  .string()
  .trim()
  .min(1, 'Enter a phone number')
  .max(32)
  .refine((v) => toE164(v) !== null, 'Enter a valid phone number, e.g. +91 98765 43210');

export const MAX_PERSONS_PER_BOOKING = 50;

export const createBookingSchema = z
  .strictObject({
    slotId: z.number().int().positive(),
    devoteeName: devoteeNameSchema,
    phone: phoneInputSchema,
    persons: z.number().int().min(1).max(MAX_PERSONS_PER_BOOKING),
    email: z
      .union([z.literal(''), z.email('Enter a valid email address').max(254)])
      .optional()
      .transform((v) => (v === '' ? undefined : v)),
    gotra: gotraSchema.transform((v) => (v === '' ? undefined : v)).optional(),
    nakshatra: z.enum(nakshatraKeys).optional(),
    rashi: z.enum(rashiKeys).optional(),
    language: languageSchema.default('en'),
    privacyNoticeVersion: z
      .string()
      .regex(privacyNoticeVersionPattern)
      .optional()
      .describe(
        'The privacy notice the devotee was shown; the devotee site sends it, others may not',
      ),
    pays: z
      .enum(bookingPays)
      .optional()
      .describe(
        'For a seva paid online or at the counter: how the devotee pays. Default online on the devotee site, counter for counter and API bookings',
      ),
  })
  .meta({ id: 'CreateBooking' });
export type CreateBookingInput = z.input<typeof createBookingSchema>;
export type CreateBooking = z.output<typeof createBookingSchema>;

export const bookingSchema = z
  .object({
    reference: z.string(),
    status: z.enum(bookingStatuses),
    source: z.enum(bookingSources),
    devoteeName: z.string(),
    phone: z.string().describe('E.164'),
    email: z.string().nullable(),
    persons: z.number().int(),
    gotra: z.string().nullable(),
    nakshatra: z.string().nullable(),
    rashi: z.string().nullable(),
    language: languageSchema,
    feePaise: z
      .number()
      .int()
      .describe('Total for all persons, fixed when booked: paid online or at the counter'),
    slot: z.object({
      id: z.number().int(),
      startsAt: z.iso.datetime(),
      date: z.string(),
      time: z.string(),
    }),
    seva: z.object({
      id: z.number().int(),
      name: z.object({
        en: z.string(),
        kn: z.string(),
        hi: z.string().nullable(),
        te: z.string().nullable(),
      }),
      durationMinutes: z.number().int(),
    }),
    cancellable: z.boolean(),
    cancellableUntil: z.iso.datetime(),
    cancelledAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
    checkInCode: z
      .string()
      .describe('What the booking’s QR code holds: staff at the gate scan it to check in'),
    pays: z.enum(bookingPays),
    holdExpiresAt: z.iso
      .datetime()
      .nullable()
      .describe('pending_payment: the places are held until then, to pay online'),
    razorpay: razorpayCheckoutSchema
      .nullable()
      .describe(
        'While pending_payment: the order to pay with Checkout; null when none is made yet',
      ),
    receipt: bookingReceiptSchema.nullable(),
    refund: bookingRefundViewSchema.nullable(),
  })
  .meta({ id: 'Booking' });
export type Booking = z.infer<typeof bookingSchema>;

export const createdBookingSchema = bookingSchema
  .extend({
    manageToken: z.string().describe('Shown once: keep it to look up or cancel the booking'),
    manageUrl: z.string(),
  })
  .meta({ id: 'CreatedBooking' });
export type CreatedBooking = z.infer<typeof createdBookingSchema>;

export const bookingReferenceParamSchema = z.object({
  reference: z.string().min(1).max(32),
});

export const bookingTokenQuerySchema = z.object({
  token: z.string().max(64).optional(),
});

export const cancelBookingSchema = z
  .strictObject({ reason: freeTextSchema(300).optional() })
  .meta({ id: 'CancelBooking' });
