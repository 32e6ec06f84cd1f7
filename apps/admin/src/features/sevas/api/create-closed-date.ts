import type { CreateClosedDate, closedDateChangeSchema } from '@sevabook/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiRequest } from '../../../lib/api-client.ts';
import { invalidateSevaViews } from './invalidate-sevas.ts';

export type ClosedDateChange = z.infer<typeof closedDateChangeSchema>;

/** Closes a date (a festival, an eclipse) for one seva or the whole temple. */
export const createClosedDate = (body: CreateClosedDate) =>
  apiRequest<ClosedDateChange>('/admin/closed-dates', { method: 'POST', body });

export const useCreateClosedDate = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createClosedDate,
    onSettled: () => invalidateSevaViews(queryClient),
  });
};
