import type { AdminWaitlist, AdminWaitlistEntry } from '@sevabook/shared';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';

export const slotWaitlistQueryOptions = (slotId: number) =>
  queryOptions({
    queryKey: ['waitlist', slotId],
    queryFn: ({ signal }) =>
      apiRequest<AdminWaitlist>(`/admin/slots/${slotId}/waitlist`, { signal }),
    // Offers expire and are accepted while the panel is open.
    refetchInterval: 30_000,
  });

export const useSlotWaitlist = (slotId: number) => useQuery(slotWaitlistQueryOptions(slotId));

/** Offer places to an entry by hand, or remove it; both change the slot's places. */
export function useWaitlistAction(slotId: number, action: 'offer' | 'remove') {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (entryId: number) =>
      apiRequest<AdminWaitlistEntry>(
        action === 'offer' ? `/admin/waitlist/${entryId}/offer` : `/admin/waitlist/${entryId}`,
        action === 'offer' ? { method: 'POST', body: {} } : { method: 'DELETE' },
      ),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: ['waitlist', slotId] });
      void queryClient.invalidateQueries({ queryKey: ['day-sheet'] });
    },
  });
}
