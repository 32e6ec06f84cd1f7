import type { Booking } from '@sevabook/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';

/** The token travels in a header rather than the URL, so it stays out of server access logs. */
export const getBooking = (
  reference: string,
  token: string,
  { signal }: { signal?: AbortSignal } = {},
): Promise<Booking> =>
  apiRequest<Booking>(`/bookings/${encodeURIComponent(reference)}`, {
    headers: { 'X-Booking-Token': token },
    signal,
  });

export const bookingQueryOptions = (reference: string, token: string) =>
  queryOptions({
    queryKey: ['booking', reference, token],
    queryFn: ({ signal }) => getBooking(reference, token, { signal }),
  });

export const useBooking = (reference: string, token: string | null) =>
  useQuery({ ...bookingQueryOptions(reference, token ?? ''), enabled: Boolean(token) });

/** Where the calendar file of a booking is; the link carries the token, as a download must. */
export const bookingIcsUrl = (reference: string, token: string): string =>
  `/api/v1/bookings/${encodeURIComponent(reference)}.ics?token=${encodeURIComponent(token)}`;

export const manageBookingPath = (reference: string, token: string): string =>
  `/manage/${encodeURIComponent(reference)}?token=${encodeURIComponent(token)}`;

export const confirmationPath = (reference: string, token: string): string =>
  `/booked/${encodeURIComponent(reference)}?token=${encodeURIComponent(token)}`;
