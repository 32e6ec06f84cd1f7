import { z } from 'zod';

/**
 * Every error Sevabook answers with is an RFC 9457 problem document with one of these stable
 * machine codes. Clients switch on `code`, never on `title` or `detail` (those are for people).
 */
export const problemCodes = [
  'validation_failed',
  'invalid_json',
  'payload_too_large',
  'request_timeout',
  'unsupported_media_type',
  'not_found',
  'method_not_allowed',
  'unauthorized',
  'invalid_credentials',
  'forbidden',
  'password_change_required',
  'rate_limited',
  'slot_full',
  'slot_not_bookable',
  'duplicate_booking',
  'booking_limit_reached',
  'booking_window_closed',
  'booking_not_open_yet',
  'cancellation_closed',
  'already_cancelled',
  'not_restorable',
  'refund_under_way',
  'idempotency_key_reused',
  'persons_exceed_limit',
  'capacity_below_booked',
  'upcoming_bookings',
  'places_available',
  'already_waiting',
  'offer_not_open',
  'already_paid',
  'nothing_to_pay',
  'booking_not_payable',
  'refund_not_due',
  'refund_not_failed',
  'conflict',
  'service_unavailable',
  'internal_error',
  'code_invalid',
  'code_expired',
  'too_many_attempts',
  'payment_signature_invalid',
  'payment_failed',
  'payment_amount_mismatch',
  'payment_not_found',
  'hold_expired',
  'online_payment_unavailable',
  'payment_provider_unavailable',
  'webhook_signature_invalid',
  'too_many_no_shows',
] as const;

export type ProblemCode = (typeof problemCodes)[number];

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    code: z.enum(problemCodes),
    instance: z.string().optional(),
    errors: z
      .array(z.object({ path: z.string(), message: z.string() }))
      .optional()
      .describe('For validation_failed: the fields at fault.'),
  })
  .meta({ id: 'Problem' });

export type Problem = z.infer<typeof problemSchema>;
