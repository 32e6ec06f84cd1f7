import type { AdminSeva } from '@sevabook/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';

export interface AdminSevaList {
  items: AdminSeva[];
}

/** Every seva, active or not. */
export const getAdminSevas = (signal?: AbortSignal) =>
  apiRequest<AdminSevaList>('/admin/sevas', { signal });

export const adminSevasQueryOptions = () =>
  queryOptions({ queryKey: ['sevas', 'admin'], queryFn: ({ signal }) => getAdminSevas(signal) });

export const useAdminSevas = () => useQuery(adminSevasQueryOptions());
