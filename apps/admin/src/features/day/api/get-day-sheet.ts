import type { DaySheet } from '@sevabook/shared';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';

export interface DaySheetParams {
  date: string;
  includeCancelled?: boolean;
}

export const getDaySheet = (
  { date, includeCancelled = false }: DaySheetParams,
  signal?: AbortSignal,
) =>
  apiRequest<DaySheet>(
    `/admin/day-sheet?${new URLSearchParams({ date, includeCancelled: String(includeCancelled) }).toString()}`,
    {
      signal,
    },
  );

/** Every day sheet lives under ['day-sheet', …], so live updates and mutations refresh them all. */
export const daySheetQueryOptions = (params: DaySheetParams) =>
  queryOptions({
    queryKey: ['day-sheet', params.date, params.includeCancelled ?? false],
    queryFn: ({ signal }) => getDaySheet(params, signal),
    // Changing day keeps the old one on screen until the new one arrives: no flash of skeleton.
    placeholderData: keepPreviousData,
  });

export const useDaySheet = (params: DaySheetParams) => useQuery(daySheetQueryOptions(params));
