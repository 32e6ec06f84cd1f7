import type { Collections, Reconciliation } from '@sevabook/shared';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';

export interface CollectionsRange {
  from: string;
  to: string;
}

const rangeQuery = ({ from, to }: CollectionsRange) => new URLSearchParams({ from, to }).toString();

export const getCollections = (range: CollectionsRange, signal?: AbortSignal) =>
  apiRequest<Collections>(`/admin/collections?${rangeQuery(range)}`, { signal });

export const getReconciliation = (range: CollectionsRange, signal?: AbortSignal) =>
  apiRequest<Reconciliation>(`/admin/collections/reconciliation?${rangeQuery(range)}`, {
    signal,
  });

/** Under ['collections', …]: a payment or a refund taken anywhere refreshes every range. */
export const collectionsQueryOptions = (range: CollectionsRange) =>
  queryOptions({
    queryKey: ['collections', range.from, range.to],
    queryFn: ({ signal }) => getCollections(range, signal),
    placeholderData: keepPreviousData,
  });

export const reconciliationQueryOptions = (range: CollectionsRange) =>
  queryOptions({
    queryKey: ['collections', 'reconciliation', range.from, range.to],
    queryFn: ({ signal }) => getReconciliation(range, signal),
    placeholderData: keepPreviousData,
  });

export const useCollections = (range: CollectionsRange) => useQuery(collectionsQueryOptions(range));

export const useReconciliation = (range: CollectionsRange) =>
  useQuery(reconciliationQueryOptions(range));
