import type { MyBookings } from '@sevabook/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';

export const sessionHeaders = (token: string) => ({ Authorization: `Bearer ${token}` });

export const getMyBookings = (token: string, { signal }: { signal?: AbortSignal } = {}) =>
  apiRequest<MyBookings>('/my-bookings', { headers: sessionHeaders(token), signal });

export const myBookingsQueryOptions = (token: string) =>
  queryOptions({
    queryKey: ['my-bookings', token],
    queryFn: ({ signal }) => getMyBookings(token, { signal }),
    // A 401 means the session is over: the page goes back to the phone, it does not retry.
    retry: false,
  });

export const useMyBookings = (token: string) => useQuery(myBookingsQueryOptions(token));
