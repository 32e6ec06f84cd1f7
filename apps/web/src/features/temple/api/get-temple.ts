import type { Temple } from '@sevabook/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';

/**
 * The shared package's DEFAULT_TEMPLE_TIMEZONE, repeated here because importing any value from
 * that package pulls its schemas (and zod) into the first download; a test keeps them equal.
 */
export const FALLBACK_TIME_ZONE = 'Asia/Kolkata';

export const getTemple = (): Promise<Temple> => apiRequest<Temple>('/temple');

export const templeQueryOptions = () =>
  queryOptions({
    queryKey: ['temple'],
    queryFn: getTemple,
    staleTime: Infinity,
    // Asked once per visit. Many components read it (every slot's badge); without these, each
    // one mounting while the answer is an error would ask again.
    retry: false,
    retryOnMount: false,
    refetchOnMount: false,
    refetchOnWindowFocus: false,
  });

/**
 * The temple's name and time zone. Until the answer arrives (or if it never does) the site
 * still works: the name falls back to the site's own title and the zone to Asia/Kolkata.
 */
export function useTemple(): { name: string | undefined; timeZone: string } {
  const { data } = useQuery(templeQueryOptions());
  return { name: data?.name, timeZone: data?.timeZone ?? FALLBACK_TIME_ZONE };
}
