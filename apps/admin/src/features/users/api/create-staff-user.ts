import type { CreateStaffUser } from '@sevabook/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';
import type { IssuedPassword } from './get-staff-users.ts';

/** Invites a staff user; the answer carries a temporary password, shown once. */
export const createStaffUser = (body: CreateStaffUser) =>
  apiRequest<IssuedPassword>('/admin/users', { method: 'POST', body });

export const useCreateStaffUser = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createStaffUser,
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['staff-users'] }),
  });
};
