import type { ProblemCode } from '@sevabook/shared';
import { fieldErrors, problemKind, type ProblemKind } from '@sevabook/ui';
import type { TFunction } from 'i18next';

/** Codes the staff screens put into words; any other becomes the general sentence. */
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

export type ErrorKind = ProblemKind<(typeof worded)[number]>;

export function errorKind(error: unknown): ErrorKind {
  return problemKind(error, worded);
}

/** Every error as one sentence a person can act on; never a code or a status number. */
export function problemSentence(error: unknown, t: TFunction): string {
  const kind = errorKind(error);
  const fields = kind === 'validation_failed' ? fieldErrors(error) : undefined;
  if (fields) return t('problems.validationFields', { fields });
  return t(`problems.${kind}`);
}
