import type { ScheduleChange, UpdateSchedule } from '@sevabook/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';
import { invalidateSevaViews } from './invalidate-sevas.ts';

/** Changes a schedule: future unbooked slots are re-made, booked ones are kept as they are. */
export const updateSchedule = (id: number, body: UpdateSchedule) =>
  apiRequest<ScheduleChange>(`/admin/schedules/${id}`, { method: 'PATCH', body });

export const useUpdateSchedule = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: UpdateSchedule }) => updateSchedule(id, body),
    onSettled: () => invalidateSevaViews(queryClient),
  });
};
