import type { ProblemCode } from '@sevabook/shared';
import type { TFunction } from 'i18next';
import { ApiError, NetworkError } from './api-client.ts';

/**
 * Every error a devotee can meet, as one sentence in their language. Screens never show a raw
 * code, a status number or the API's English `detail`.
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

type WordedCode = (typeof worded)[number];
export type ErrorKind = WordedCode | 'network' | 'generic';

export function errorKind(error: unknown): ErrorKind {
  if (error instanceof NetworkError) return 'network';
  if (error instanceof ApiError && (worded as readonly string[]).includes(error.code)) {
    return error.code as WordedCode;
  }
  return 'generic';
}

export function problemSentence(error: unknown, t: TFunction): string {
  return t(`problems.${errorKind(error)}`);
}
