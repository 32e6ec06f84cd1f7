import type { QueryClient } from '@tanstack/react-query';

/** After any change to a booking: day sheets, searches, slot lists and calendars. */
export function invalidateBookingViews(queryClient: QueryClient): Promise<void> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: ['day-sheet'] }),
    queryClient.invalidateQueries({ queryKey: ['bookings'] }),
    queryClient.invalidateQueries({ queryKey: ['slots'] }),
  ]).then(() => undefined);
}
