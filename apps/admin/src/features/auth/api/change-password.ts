import type { ChangePassword, Session } from '@sevabook/shared';
import { useMutation } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';
import { sessionStore } from '../../../lib/session.ts';

export const changePassword = (body: ChangePassword): Promise<void> =>
  apiRequest<void>('/auth/password', { method: 'POST', body });

/**
 * A password change ends every session of the account, this one included, so the screen signs
 * in again with the new password: the fresh token no longer says "must change".
 */
export const useChangePassword = () =>
  useMutation({
    mutationFn: async (body: ChangePassword) => {
      const current = sessionStore.get();
      if (current.status !== 'signed-in') throw new Error('Not signed in');
      await changePassword(body);
      const session = await apiRequest<Session>('/auth/login', {
        method: 'POST',
        body: { email: current.user.email, password: body.newPassword },
        anonymous: true,
      });
      sessionStore.signIn(session);
    },
  });
