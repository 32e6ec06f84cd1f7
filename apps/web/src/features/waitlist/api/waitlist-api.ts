import type { AcceptedOffer, JoinWaitlist, JoinedWaitlist, WaitlistEntry } from '@sevabook/shared';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';

/** A waiting list entry's page on this site; its link token is its only key. */
export const waitlistEntryPath = (id: number, token: string): string =>
  `/waitlist/${id}?token=${encodeURIComponent(token)}`;

const tokenQuery = (token: string) => `token=${encodeURIComponent(token)}`;

export const waitlistEntryQueryOptions = (id: number, token: string) =>
  queryOptions({
    queryKey: ['waitlist-entry', id, token],
    queryFn: ({ signal }) =>
      apiRequest<WaitlistEntry>(`/waitlist/${id}?${tokenQuery(token)}`, { signal }),
  });

export const useWaitlistEntry = (id: number, token: string | null) =>
  useQuery({ ...waitlistEntryQueryOptions(id, token ?? ''), enabled: Boolean(token) });

export function useJoinWaitlist(slotId: number) {
  return useMutation({
    mutationFn: (body: JoinWaitlist) =>
      apiRequest<JoinedWaitlist>(`/slots/${slotId}/waitlist`, { method: 'POST', body }),
  });
}

export function useLeaveWaitlist(id: number, token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      apiRequest<WaitlistEntry>(`/waitlist/${id}?${tokenQuery(token)}`, { method: 'DELETE' }),
    onSuccess: (entry) =>
      queryClient.setQueryData(waitlistEntryQueryOptions(id, token).queryKey, entry),
  });
}

export function useAcceptOffer(id: number, token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      apiRequest<AcceptedOffer>(`/waitlist/${id}/accept?${tokenQuery(token)}`, {
        method: 'POST',
        body: {},
      }),
    onSettled: () =>
      queryClient.invalidateQueries({ queryKey: waitlistEntryQueryOptions(id, token).queryKey }),
  });
}
