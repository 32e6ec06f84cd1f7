import type { CreateSchedule, ScheduleChange } from '@sevabook/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';
import { invalidateSevaViews } from './invalidate-sevas.ts';

/** Adds a weekly schedule; the API makes its slots at once and says how many. */
export const createSchedule = (sevaId: number, body: CreateSchedule) =>
  apiRequest<ScheduleChange>(`/admin/sevas/${sevaId}/schedules`, { method: 'POST', body });

export const useCreateSchedule = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ sevaId, body }: { sevaId: number; body: CreateSchedule }) =>
      createSchedule(sevaId, body),
    onSettled: () => invalidateSevaViews(queryClient),
  });
};
