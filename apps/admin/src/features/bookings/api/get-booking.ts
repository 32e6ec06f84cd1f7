import type { AdminBooking } from '@sevabook/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';

export const getBooking = (id: number, signal?: AbortSignal) =>
  apiRequest<AdminBooking>(`/admin/bookings/${id}`, { signal });

export const bookingQueryOptions = (id: number) =>
  queryOptions({
    queryKey: ['bookings', 'one', id],
    queryFn: ({ signal }) => getBooking(id, signal),
  });

export const useBooking = (id: number, enabled = true) =>
  useQuery({ ...bookingQueryOptions(id), enabled });
