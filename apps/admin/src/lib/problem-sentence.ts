import type { ProblemCode } from '@sevabook/shared';
import { bookingProblemCodes, fieldErrors, problemKey, problemKind } from '@sevabook/ui';
import type { TFunction } from 'i18next';

/** Codes the staff screens put into words; any other becomes the general sentence. */
const worded = [
  ...bookingProblemCodes,
  'unauthorized',
  'invalid_credentials',
  'forbidden',
  'password_change_required',
  'capacity_below_booked',
  'not_restorable',
  'conflict',
] as const satisfies readonly ProblemCode[];

/** Every error as one sentence a person can act on; never a code or a status number. */
export function problemSentence(error: unknown, t: TFunction): string {
  const fields =
    problemKind(error, worded) === 'validation_failed' ? fieldErrors(error) : undefined;
  if (fields) return t('problems.validationFields', { fields });
  return t(problemKey(error, worded));
}
