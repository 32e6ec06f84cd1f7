import { COMMON_PASSWORD_MESSAGE, isCommonPassword } from '@sevabook/shared';
import { validationFailed } from '../../errors.ts';

/**
 * Refuses a password staff chose that is among, or made from, the commonly used ones (422
 * validation_failed naming the field). The admin site checks the same before sending; this is
 * the check that holds for every client.
 */
export async function refuseCommonPassword(password: string, path: string): Promise<void> {
  if (await isCommonPassword(password)) {
    throw validationFailed([{ path, message: COMMON_PASSWORD_MESSAGE }], COMMON_PASSWORD_MESSAGE);
  }
}
