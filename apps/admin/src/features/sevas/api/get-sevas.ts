import type { SevaList } from '@sevabook/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';

export const getSevas = (signal?: AbortSignal): Promise<SevaList> =>
  apiRequest<SevaList>('/sevas', { signal, anonymous: true });

export const sevasQueryOptions = () =>
  queryOptions({ queryKey: ['sevas'], queryFn: ({ signal }) => getSevas(signal) });

export const useSevas = () => useQuery(sevasQueryOptions());
