import type { QueryClient } from '@tanstack/react-query';

/** After a change to sevas, schedules, slots or closed dates: every list that shows them. */
export function invalidateSevaViews(queryClient: QueryClient): Promise<void> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: ['sevas'] }),
    queryClient.invalidateQueries({ queryKey: ['schedules'] }),
    queryClient.invalidateQueries({ queryKey: ['closed-dates'] }),
    queryClient.invalidateQueries({ queryKey: ['slots'] }),
    queryClient.invalidateQueries({ queryKey: ['day-sheet'] }),
  ]).then(() => undefined);
}
