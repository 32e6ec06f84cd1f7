import type { ChangePassword } from '@sevabook/shared';
import { useMutation } from '@tanstack/react-query';
import { apiRequest, refreshSession } from '../../../lib/api-client.ts';

export const changePassword = (body: ChangePassword): Promise<void> =>
  apiRequest<void>('/auth/password', { method: 'POST', body });

/** After the change the old access token still says "must change"; a refresh gets a fresh one. */
export const useChangePassword = () =>
  useMutation({
    mutationFn: async (body: ChangePassword) => {
      await changePassword(body);
      await refreshSession();
    },
  });
