import type { ProblemCode } from '@sevabook/shared';
import { ApiError, NetworkError } from './api-client.ts';

/**
 * Which sentence an error gets. Each site lists the codes it words in its own locales; any
 * other code becomes the general sentence, and no answer at all becomes "no connection".
 * Screens never show a raw code, a status number or the API's English `detail`.
 */
export type ProblemKind<C extends ProblemCode> = C | 'network' | 'generic';

/**
 * The codes both sites word: what taking, changing or cancelling a booking can meet, and the
 * general answers any request can get. Each site adds the codes only its own screens meet.
 */
export const bookingProblemCodes = [
  'slot_full',
  'slot_not_bookable',
  'duplicate_booking',
  'booking_window_closed',
  'booking_not_open_yet',
  'persons_exceed_limit',
  'already_cancelled',
  'validation_failed',
  'rate_limited',
  'not_found',
  'service_unavailable',
] as const satisfies readonly ProblemCode[];

export function problemKind<C extends ProblemCode>(
  error: unknown,
  worded: readonly C[],
): ProblemKind<C> {
  if (error instanceof NetworkError) return 'network';
  if (error instanceof ApiError && (worded as readonly string[]).includes(error.code)) {
    return error.code as C;
  }
  return 'generic';
}

/**
 * The message key of an error's sentence, `problems.<kind>`. Each site's locales keep their
 * sentences under `problems`, so a site's typed `t` checks that every code it words has one.
 */
export function problemKey<C extends ProblemCode>(
  error: unknown,
  worded: readonly C[],
): `problems.${ProblemKind<C>}` {
  return `problems.${problemKind(error, worded)}`;
}

/** The fields a validation problem names, as "path: message; …"; undefined when there are none. */
export function fieldErrors(error: unknown): string | undefined {
  if (!(error instanceof ApiError) || !error.problem.errors?.length) return undefined;
  return error.problem.errors.map((e) => `${e.path}: ${e.message}`).join('; ');
}
