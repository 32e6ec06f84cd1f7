import type { AdminBookingPage } from '@sevabook/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';

export interface BookingSearch {
  q?: string;
  from?: string;
  to?: string;
  slotId?: number;
  status?: 'confirmed' | 'cancelled';
  pageSize?: number;
  sort?: 'startsAt' | '-startsAt' | 'createdAt' | '-createdAt';
}

export const searchBookings = (search: BookingSearch, signal?: AbortSignal) => {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(search))
    if (value !== undefined && value !== '') params.set(key, String(value));
  return apiRequest<AdminBookingPage>(`/admin/bookings?${params.toString()}`, { signal });
};

export const searchBookingsQueryOptions = (search: BookingSearch) =>
  queryOptions({
    queryKey: ['bookings', 'search', search],
    queryFn: ({ signal }) => searchBookings(search, signal),
  });

export const useSearchBookings = (search: BookingSearch, enabled = true) =>
  useQuery({ ...searchBookingsQueryOptions(search), enabled });
