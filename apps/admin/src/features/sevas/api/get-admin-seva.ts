import type { AdminSeva } from '@sevabook/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';

export const getAdminSeva = (id: number, signal?: AbortSignal) =>
  apiRequest<AdminSeva>(`/admin/sevas/${id}`, { signal });

export const adminSevaQueryOptions = (id: number) =>
  queryOptions({
    queryKey: ['sevas', 'admin', id],
    queryFn: ({ signal }) => getAdminSeva(id, signal),
  });

export const useAdminSeva = (id: number) => useQuery(adminSevaQueryOptions(id));
