import type { RequestSignInCodeInput, SignInCodeSent } from '@sevabook/shared';
import { useMutation } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';

export const requestSignInCode = (body: RequestSignInCodeInput) =>
  apiRequest<SignInCodeSent>('/my-bookings/sign-in-codes', { method: 'POST', body });

export const useRequestSignInCode = () => useMutation({ mutationFn: requestSignInCode });
