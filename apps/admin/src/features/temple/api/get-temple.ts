import { DEFAULT_TEMPLE_TIMEZONE, type Temple } from '@sevabook/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';

export const getTemple = (): Promise<Temple> => apiRequest<Temple>('/temple', { anonymous: true });

export const templeQueryOptions = () =>
  queryOptions({
    queryKey: ['temple'],
    queryFn: getTemple,
    staleTime: Infinity,
    retry: false,
    retryOnMount: false,
  });

/** The temple's name and zone; until they arrive the zone falls back to the default. */
export function useTemple(): { name: string | undefined; timeZone: string } {
  const { data } = useQuery(templeQueryOptions());
  return { name: data?.name, timeZone: data?.timeZone ?? DEFAULT_TEMPLE_TIMEZONE };
}
