import type { OutboxHealth } from '@sevabook/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';

export const getOutboxHealth = (signal?: AbortSignal) =>
  apiRequest<OutboxHealth>('/admin/notifications/health', { signal });

export const outboxHealthQueryOptions = () =>
  queryOptions({
    // Under 'notifications', so a retry from the list refreshes the banner too.
    queryKey: ['notifications', 'health'],
    queryFn: ({ signal }) => getOutboxHealth(signal),
    // An outage starts and ends on its own: look again while the screen is open.
    refetchInterval: 15_000,
  });

export const useOutboxHealth = () => useQuery(outboxHealthQueryOptions());
