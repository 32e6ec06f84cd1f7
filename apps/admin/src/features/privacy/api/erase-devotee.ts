import type { ErasureRequestInput, ErasureResult } from '@sevabook/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';

/** Erases one devotee's personal data, found by phone number (admins only). */
export const eraseDevotee = (body: ErasureRequestInput) =>
  apiRequest<ErasureResult>('/admin/erasures', { method: 'POST', body });

export const useEraseDevotee = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: eraseDevotee,
    // Names and numbers on every screen may have changed, and places may have been freed.
    onSuccess: () => queryClient.invalidateQueries(),
  });
};
