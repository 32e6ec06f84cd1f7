import { problemSchema } from '@sevabook/shared';

/** Staff routes accept a staff access token or an API key. */
export const staffSecurity: { [scheme: string]: string[] }[] = [{ bearerAuth: [] }, { apiKey: [] }];
/** Routes only a signed-in staff user may call (never an API key). */
export const staffSessionSecurity: { [scheme: string]: string[] }[] = [{ bearerAuth: [] }];

/** The answers every authenticated route may give besides its own. */
export const authProblems = {
  401: problemSchema,
  403: problemSchema,
  422: problemSchema,
  429: problemSchema,
} as const;
