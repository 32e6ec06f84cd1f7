import type { AdminSchedule } from '@sevabook/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';

export const getSchedules = (sevaId: number, signal?: AbortSignal) =>
  apiRequest<{ items: AdminSchedule[] }>(`/admin/sevas/${sevaId}/schedules`, { signal });

export const schedulesQueryOptions = (sevaId: number) =>
  queryOptions({
    queryKey: ['schedules', sevaId],
    queryFn: ({ signal }) => getSchedules(sevaId, signal),
  });

export const useSchedules = (sevaId: number) => useQuery(schedulesQueryOptions(sevaId));
