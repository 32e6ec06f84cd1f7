import type { Login, Session } from '@sevabook/shared';
import { useMutation } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';
import { sessionStore } from '../../../lib/session.ts';

export const login = (body: Login): Promise<Session> =>
  apiRequest<Session>('/auth/login', { method: 'POST', body, anonymous: true });

export const useLogin = () =>
  useMutation({
    mutationFn: login,
    onSuccess: (session) => sessionStore.signIn(session),
  });
