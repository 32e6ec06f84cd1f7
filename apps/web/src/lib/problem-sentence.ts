import type { ProblemCode } from '@sevabook/shared';
import {
  ApiError,
  bookingProblemCodes,
  problemKey,
  problemKind,
  type ProblemKind,
} from '@sevabook/ui';
import type { TFunction } from 'i18next';

/**
 * Every error a devotee can meet, as one sentence in their language. These are the codes the
 * devotee locales word; the mapping itself is shared with the admin site.
 */
const worded = [
  ...bookingProblemCodes,
  'cancellation_closed',
  'booking_limit_reached',
  'idempotency_key_reused',
] as const satisfies readonly ProblemCode[];

export type ErrorKind = ProblemKind<(typeof worded)[number]>;

export function errorKind(error: unknown): ErrorKind {
  return problemKind(error, worded);
}

export function problemSentence(error: unknown, t: TFunction): string {
  // The no-show limit's refusal is the gate's to word (locales' checkIn section).
  if (error instanceof ApiError && error.problem.code === 'too_many_no_shows') {
    return t('checkIn.tooManyNoShows');
  }
  return t(problemKey(error, worded));
}
