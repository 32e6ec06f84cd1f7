import type { TFunction } from 'i18next';
import { ApiError } from '../../lib/api-client.ts';
import { problemSentence } from '../../lib/problem-sentence.ts';

const signInCodes = [
  'code_invalid',
  'code_expired',
  'too_many_attempts',
  'rate_limited',
  'service_unavailable',
] as const;

/** What went wrong asking for or typing a code, as a sentence a devotee can act on. */
export function signInSentence(error: unknown, t: TFunction): string {
  if (error instanceof ApiError) {
    const code = signInCodes.find((c) => c === error.code);
    if (code) return t(`myBookings.errors.${code}`);
  }
  return problemSentence(error, t);
}

/** Whether the code in hand can no longer work, so the devotee must ask for another. */
export function needsNewCode(error: unknown): boolean {
  return (
    error instanceof ApiError &&
    (error.code === 'code_expired' || error.code === 'too_many_attempts')
  );
}
