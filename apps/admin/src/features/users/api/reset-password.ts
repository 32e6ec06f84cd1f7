import { useMutation } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';
import type { IssuedPassword } from './get-staff-users.ts';

/** A new temporary password; the user is signed out everywhere and must choose their own. */
export const resetStaffPassword = (id: number) =>
  apiRequest<IssuedPassword>(`/admin/users/${id}/reset-password`, { method: 'POST' });

export const useResetStaffPassword = () => useMutation({ mutationFn: resetStaffPassword });
