import type { Seva, SevaList } from '@sevabook/shared';
import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';
import { sevasQueryOptions } from './get-sevas.ts';

export const getSeva = (id: number, { signal }: { signal?: AbortSignal } = {}): Promise<Seva> =>
  apiRequest<Seva>(`/sevas/${id}`, { signal });

export const sevaQueryOptions = (id: number) =>
  queryOptions({ queryKey: ['sevas', id], queryFn: ({ signal }) => getSeva(id, { signal }) });

/** One seva; shown at once from the home page's list when the devotee came from there. */
export function useSeva(id: number) {
  const queryClient = useQueryClient();
  return useQuery({
    ...sevaQueryOptions(id),
    placeholderData: () =>
      queryClient
        .getQueryData<SevaList>(sevasQueryOptions().queryKey)
        ?.items.find((s) => s.id === id),
  });
}
