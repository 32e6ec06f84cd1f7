import type { ProblemCode } from '@sevabook/shared';
import type { TFunction } from 'i18next';
import { ApiError, NetworkError } from './api-client.ts';

/** Codes the screens put into words; any other becomes the general sentence. */
const worded = [
  'slot_full',
  'slot_not_bookable',
  'duplicate_booking',
  'booking_window_closed',
  'booking_not_open_yet',
  'validation_failed',
  'rate_limited',
  'not_found',
  'unauthorized',
  'invalid_credentials',
  'forbidden',
  'password_change_required',
  'already_cancelled',
  'persons_exceed_limit',
  'capacity_below_booked',
  'conflict',
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

/** Every error as one sentence a person can act on; never a code or a status number. */
export function problemSentence(error: unknown, t: TFunction): string {
  const kind = errorKind(error);
  if (kind === 'validation_failed' && error instanceof ApiError && error.problem.errors?.length) {
    const fields = error.problem.errors.map((e) => `${e.path}: ${e.message}`).join('; ');
    return t('problems.validationFields', { fields });
  }
  return t(`problems.${kind}`);
}
