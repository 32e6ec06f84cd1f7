import type { ProblemCode } from '@sevabook/shared';
import { ApiError, NetworkError } from './api-client.ts';

/**
 * Which sentence an error gets. Each site lists the codes it words in its own locales; any
 * other code becomes the general sentence, and no answer at all becomes "no connection".
 * Screens never show a raw code, a status number or the API's English `detail`.
 */
export type ProblemKind<C extends ProblemCode> = C | 'network' | 'generic';

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

/** The fields a validation problem names, as "path: message; …"; undefined when there are none. */
export function fieldErrors(error: unknown): string | undefined {
  if (!(error instanceof ApiError) || !error.problem.errors?.length) return undefined;
  return error.problem.errors.map((e) => `${e.path}: ${e.message}`).join('; ');
}
