import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from './api-client.ts';
import { sessionStore } from './session.ts';

/** Revokes the refresh cookie's session on the server; the screen signs out even if that fails. */
export const logout = (): Promise<void> =>
  apiRequest<void>('/auth/logout', { method: 'POST', anonymous: true });

export const useLogout = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logout,
    onSettled: () => {
      sessionStore.signOut('logout');
      queryClient.clear();
    },
  });
};
