import { z } from 'zod';
import { isoDateSchema, localizedTextSchema } from './common.ts';

/**
 * Money at the counter and in the office: payments recorded by staff, refunds, the collections
 * a clerk hands over with the cash box, and the reconciliation of online payments against
 * Razorpay's settlements. Every amount is an integer in paise.
 */

/** How a payment was made: online through Razorpay, or at the counter in cash, UPI or card. */
export const paymentMethods = ['online', 'cash', 'upi', 'card'] as const;
export const paymentMethodSchema = z.enum(paymentMethods).meta({ id: 'PaymentMethod' });
export type PaymentMethod = z.infer<typeof paymentMethodSchema>;

/** What a clerk can take at the counter. */
export const counterPaymentMethods = ['cash', 'upi', 'card'] as const;
export const counterPaymentMethodSchema = z
  .enum(counterPaymentMethods)
  .meta({ id: 'CounterPaymentMethod' });
export type CounterPaymentMethod = z.infer<typeof counterPaymentMethodSchema>;

/** captured: kept; refund_due: a refund is queued or due at the counter; refunded: paid back. */
export const paymentStatuses = ['captured', 'refund_due', 'refunded'] as const;
export const refundMethods = ['razorpay', 'cash'] as const;
/**
 * pending → processing → processed for Razorpay refunds (failed: staff may retry); cash refunds
 * are processed when the clerk pays them out, due_at_counter until then.
 */
export const refundStatuses = [
  'pending',
  'processing',
  'processed',
  'failed',
  'due_at_counter',
] as const;
export const refundStatusSchema = z.enum(refundStatuses).meta({ id: 'RefundStatus' });
export type RefundStatus = z.infer<typeof refundStatusSchema>;

/** A staff user as money records name them. */
export const staffRefSchema = z
  .object({ id: z.number().int(), name: z.string() })
  .meta({ id: 'StaffRef' });
export type StaffRef = z.infer<typeof staffRefSchema>;

const receiptNumber = z
  .string()
  .describe('Gapless per financial year (April–March, temple time), e.g. SB/2026-27/000123');

// Recording a payment at the counter ------------------------------------------------------------

export const recordPaymentSchema = z
  .strictObject({
    method: counterPaymentMethodSchema,
    amountPaise: z
      .number()
      .int()
      .min(1)
      .max(100_000_000)
      .optional()
      .describe('Defaults to the fee the booking was made at (its feePaise)'),
  })
  .meta({ id: 'RecordPayment' });
export type RecordPaymentInput = z.input<typeof recordPaymentSchema>;
export type RecordPayment = z.output<typeof recordPaymentSchema>;

/** Optional on a counter booking: the devotee pays at once, in the same request. */
export const payAtOnceSchema = z
  .strictObject({ method: counterPaymentMethodSchema })
  .describe('Pay the booking’s whole fee at once at the counter; a free booking ignores it')
  .meta({ id: 'PayAtOnce' });

export const recordedPaymentSchema = z
  .object({
    id: z.number().int(),
    bookingId: z.number().int(),
    bookingReference: z.string(),
    bookingStatus: z
      .enum(['confirmed', 'cancelled', 'pending_payment', 'expired', 'offered'])
      .describe('After the payment: a held booking paid at the counter is confirmed'),
    method: paymentMethodSchema,
    amountPaise: z.number().int(),
    paidAt: z.iso.datetime(),
    recordedBy: staffRefSchema.nullable(),
    receipt: z.object({
      number: receiptNumber,
      financialYear: z.string().describe('e.g. 2026-27'),
      issuedAt: z.iso.datetime(),
    }),
  })
  .meta({ id: 'RecordedPayment' });
export type RecordedPayment = z.infer<typeof recordedPaymentSchema>;

// What staff see of a booking's money (AdminBooking and the day sheet's rows carry these) ------

export const bookingPaymentSchema = z
  .object({
    receiptNumber,
    method: paymentMethodSchema,
    amountPaise: z.number().int(),
    paidAt: z.iso.datetime(),
    recordedBy: staffRefSchema.nullable().describe('null for an online payment'),
    status: z.enum(paymentStatuses),
  })
  .meta({ id: 'BookingPayment' });
export type BookingPayment = z.infer<typeof bookingPaymentSchema>;

export const bookingRefundSchema = z
  .object({
    id: z.number().int(),
    amountPaise: z.number().int(),
    method: z.enum(refundMethods),
    status: refundStatusSchema,
    reason: z.string().describe('cancelled, late_payment or duplicate_payment'),
    createdAt: z.iso.datetime(),
    processedAt: z.iso.datetime().nullable(),
    recordedBy: staffRefSchema.nullable().describe('The clerk who paid a cash refund out'),
  })
  .meta({ id: 'BookingRefund' });
export type BookingRefund = z.infer<typeof bookingRefundSchema>;

/** The money fields staff see on a booking. */
export const bookingMoneyFields = {
  pays: z.enum(['counter', 'online']).describe('How the devotee pays'),
  payment: bookingPaymentSchema.nullable().describe('The kept payment, or the refunded one'),
  refund: bookingRefundSchema.nullable(),
};

// Refunds ---------------------------------------------------------------------------------------

export const refundQuerySchema = z.strictObject({
  status: refundStatusSchema.optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type RefundQuery = z.infer<typeof refundQuerySchema>;

export const adminRefundSchema = bookingRefundSchema
  .extend({
    attempts: z.number().int(),
    lastError: z.string().nullable().describe('Why the last Razorpay attempt failed'),
    payment: z.object({
      id: z.number().int(),
      method: paymentMethodSchema,
      receiptNumber: receiptNumber.nullable(),
    }),
    booking: z.object({
      id: z.number().int(),
      reference: z.string(),
      devoteeName: z.string(),
      phone: z.string().describe('Masked for viewers'),
      sevaName: localizedTextSchema,
      startsAt: z.iso.datetime(),
    }),
  })
  .meta({ id: 'AdminRefund' });
export type AdminRefund = z.infer<typeof adminRefundSchema>;

export const adminRefundPageSchema = z
  .object({
    items: z.array(adminRefundSchema),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .meta({ id: 'AdminRefundPage' });
export type AdminRefundPage = z.infer<typeof adminRefundPageSchema>;

// Collections -----------------------------------------------------------------------------------

export const MAX_COLLECTION_DAYS = 92;

const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;

export const collectionsQuerySchema = z
  .strictObject({
    from: isoDateSchema.describe('First temple date (inclusive)'),
    to: isoDateSchema.describe('Last temple date (inclusive)'),
    format: z
      .enum(['json', 'csv'])
      .optional()
      .describe('csv: the receipts as CSV (as `Accept: text/csv` does)'),
  })
  .refine((q) => q.from <= q.to, { message: '`to` must not be before `from`', path: ['to'] })
  .refine((q) => dayNumber(q.to) - dayNumber(q.from) < MAX_COLLECTION_DAYS, {
    message: `At most ${MAX_COLLECTION_DAYS} days at a time`,
    path: ['to'],
  });
export type CollectionsQuery = z.infer<typeof collectionsQuerySchema>;

const byMethodSchema = z
  .object({
    cash: z.number().int(),
    upi: z.number().int().describe('UPI at the counter'),
    card: z.number().int(),
    online: z.number().int().describe('Paid online through Razorpay'),
  })
  .meta({ id: 'AmountsByMethod' });

export const collectionReceiptSchema = z.object({
  receiptNumber,
  paymentId: z.number().int(),
  bookingId: z.number().int(),
  bookingReference: z.string(),
  devoteeName: z.string(),
  phone: z.string().describe('Masked for viewers'),
  seva: z.object({ id: z.number().int(), name: localizedTextSchema }),
  startsAt: z.iso.datetime().describe('The slot’s start'),
  amountPaise: z.number().int(),
  method: paymentMethodSchema,
  clerk: staffRefSchema.nullable().describe('null for an online payment'),
  paidAt: z.iso.datetime(),
  status: z.enum(paymentStatuses),
});

export const collectionRefundSchema = z.object({
  refundId: z.number().int(),
  receiptNumber: receiptNumber.nullable(),
  bookingReference: z.string(),
  devoteeName: z.string(),
  phone: z.string().describe('Masked for viewers'),
  amountPaise: z.number().int(),
  method: z.enum(refundMethods),
  processedAt: z.iso.datetime(),
  paidOutBy: staffRefSchema.nullable().describe('The clerk, for a cash refund'),
});

export const clerkCollectionSchema = z.object({
  clerk: staffRefSchema
    .nullable()
    .describe('null: recorded through an API key, or by an account since removed'),
  receipts: z.number().int(),
  byMethod: byMethodSchema.omit({ online: true }),
  receivedPaise: z.number().int(),
  cashRefundedPaise: z.number().int().describe('Cash this clerk paid back to devotees'),
  cashInHandPaise: z.number().int().describe('Cash received less cash paid back'),
});

export const collectionsSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    byClerk: z.array(clerkCollectionSchema).describe('Counter payments, per clerk, by name'),
    byMethod: byMethodSchema,
    receivedPaise: z.number().int().describe('Every payment of the range'),
    refundedPaise: z.number().int().describe('Refunds paid out in the range'),
    netPaise: z.number().int(),
    receipts: z.array(collectionReceiptSchema).describe('By receipt number'),
    refunds: z.array(collectionRefundSchema).describe('Refunds paid out in the range'),
  })
  .meta({ id: 'Collections' });
export type Collections = z.infer<typeof collectionsSchema>;

export const reconciliationQuerySchema = z
  .strictObject({ from: isoDateSchema, to: isoDateSchema })
  .refine((q) => q.from <= q.to, { message: '`to` must not be before `from`', path: ['to'] })
  .refine((q) => dayNumber(q.to) - dayNumber(q.from) < MAX_COLLECTION_DAYS, {
    message: `At most ${MAX_COLLECTION_DAYS} days at a time`,
    path: ['to'],
  });
export type ReconciliationQuery = z.infer<typeof reconciliationQuerySchema>;

export const reconciliationSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    onlinePayment: z
      .boolean()
      .describe('false: online payment is off, nothing to reconcile (the lists are empty)'),
    note: z.string().nullable().describe('Said to staff, e.g. that online payment is off'),
    matched: z.number().int().describe('Online payments with their settlement'),
    settledWithoutPayment: z
      .array(
        z.object({
          razorpayPaymentId: z.string().nullable(),
          razorpayOrderId: z.string().nullable(),
          type: z.string().describe('Razorpay’s entity type: payment, refund, adjustment…'),
          amountPaise: z.number().int(),
          settlementId: z.string().nullable(),
          settledAt: z.iso.datetime().nullable(),
        }),
      )
      .describe('Razorpay settled it, but no payment of Sevabook matches'),
    paidWithoutSettlement: z
      .array(
        z.object({
          paymentId: z.number().int(),
          razorpayPaymentId: z.string(),
          bookingReference: z.string(),
          receiptNumber: receiptNumber.nullable(),
          amountPaise: z.number().int(),
          paidAt: z.iso.datetime(),
        }),
      )
      .describe('Paid online in the range, but in no settlement of the range'),
  })
  .meta({ id: 'Reconciliation' });
export type Reconciliation = z.infer<typeof reconciliationSchema>;
