import type { StaffUser } from '@sevabook/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';

export interface IssuedPassword {
  user: StaffUser;
  temporaryPassword: string;
}

export const getStaffUsers = (signal?: AbortSignal) =>
  apiRequest<{ items: StaffUser[] }>('/admin/users', { signal });

export const staffUsersQueryOptions = () =>
  queryOptions({ queryKey: ['staff-users'], queryFn: ({ signal }) => getStaffUsers(signal) });

export const useStaffUsers = (enabled = true) => useQuery({ ...staffUsersQueryOptions(), enabled });
