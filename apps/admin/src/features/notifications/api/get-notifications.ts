import type {
  adminNotificationPageSchema,
  notificationStatuses,
  notificationViews,
} from '@sevabook/shared';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiRequest } from '../../../lib/api-client.ts';

export type NotificationPage = z.infer<typeof adminNotificationPageSchema>;
export type AdminNotification = NotificationPage['items'][number];
export type NotificationStatus = (typeof notificationStatuses)[number];

export interface NotificationFilter {
  /** A stored status, or `retrying` / `attention` (messages that need a person's eye). */
  status?: NotificationStatus | (typeof notificationViews)[number];
  page?: number;
}

export const getNotifications = (
  { status, page = 1 }: NotificationFilter,
  signal?: AbortSignal,
) => {
  const query = new URLSearchParams({ page: String(page), pageSize: '50' });
  if (status) query.set('status', status);
  return apiRequest<NotificationPage>(`/admin/notifications?${query.toString()}`, { signal });
};

export const notificationsQueryOptions = (filter: NotificationFilter) =>
  queryOptions({
    queryKey: ['notifications', filter],
    queryFn: ({ signal }) => getNotifications(filter, signal),
    placeholderData: keepPreviousData,
    // Sending happens in the background; keep the list fresh while someone watches it.
    refetchInterval: 15_000,
  });

export const useNotifications = (filter: NotificationFilter) =>
  useQuery(notificationsQueryOptions(filter));
