import type { ProblemCode } from '@sevabook/shared';
import { problemKind, type ProblemKind } from '@sevabook/ui';
import type { TFunction } from 'i18next';

/**
 * Every error a devotee can meet, as one sentence in their language. These are the codes the
 * devotee locales word; the mapping itself is shared with the admin site.
 */
const worded = [
  'slot_full',
  'slot_not_bookable',
  'duplicate_booking',
  'booking_window_closed',
  'booking_not_open_yet',
  'validation_failed',
  'rate_limited',
  'not_found',
  'cancellation_closed',
  'already_cancelled',
  'persons_exceed_limit',
  'booking_limit_reached',
  'idempotency_key_reused',
  'service_unavailable',
] as const satisfies readonly ProblemCode[];

export type ErrorKind = ProblemKind<(typeof worded)[number]>;

export function errorKind(error: unknown): ErrorKind {
  return problemKind(error, worded);
}

export function problemSentence(error: unknown, t: TFunction): string {
  return t(`problems.${errorKind(error)}`);
}
