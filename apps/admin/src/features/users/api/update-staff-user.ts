import type { StaffUser, UpdateStaffUser } from '@sevabook/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';

/** Rename, change role, deactivate or reactivate. */
export const updateStaffUser = (id: number, body: UpdateStaffUser) =>
  apiRequest<StaffUser>(`/admin/users/${id}`, { method: 'PATCH', body });

export const useUpdateStaffUser = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: UpdateStaffUser }) => updateStaffUser(id, body),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['staff-users'] }),
  });
};
