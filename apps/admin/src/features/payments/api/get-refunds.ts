import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';
import type { AdminRefundPage, RefundStatus } from '../payment-types.ts';

export type { AdminRefund } from '../payment-types.ts';

export const getRefunds = (status: RefundStatus | undefined, signal?: AbortSignal) => {
  const query = new URLSearchParams({ pageSize: '200' });
  if (status) query.set('status', status);
  return apiRequest<AdminRefundPage>(`/admin/refunds?${query.toString()}`, { signal });
};

export const refundsQueryOptions = (status?: RefundStatus) =>
  queryOptions({
    queryKey: ['refunds', status ?? 'all'],
    queryFn: ({ signal }) => getRefunds(status, signal),
    placeholderData: keepPreviousData,
    // Razorpay settles refunds in the background: keep the list fresh while it is watched.
    refetchInterval: 30_000,
  });

export const useRefunds = (status?: RefundStatus) => useQuery(refundsQueryOptions(status));
