import type { Temple } from '@sevabook/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../http/api-client.ts';

/**
 * The shared package's DEFAULT_TEMPLE_TIMEZONE, repeated here because importing it brings that
 * module's time-zone helpers into the devotee site's first download; a test keeps them equal.
 */
export const FALLBACK_TIME_ZONE = 'Asia/Kolkata';

/** A public answer: it carries no staff token, so a signed-out screen can ask too. */
export const getTemple = (): Promise<Temple> => apiRequest<Temple>('/temple');

export interface TempleAsking {
  /**
   * Ask only once per visit, even after an error. The devotee site sets it: many components read
   * the temple (every slot's badge), and each one mounting while the answer is an error would
   * otherwise ask again. The staff site, open all day, asks again when its window regains focus.
   */
  oncePerVisit?: boolean;
}

export const templeQueryOptions = ({ oncePerVisit = false }: TempleAsking = {}) =>
  queryOptions({
    queryKey: ['temple'],
    queryFn: getTemple,
    staleTime: Infinity,
    retry: false,
    retryOnMount: false,
    ...(oncePerVisit && { refetchOnMount: false, refetchOnWindowFocus: false }),
  });

/**
 * The temple's name and time zone. Until the answer arrives (or if it never does) the site still
 * works: the name falls back to the site's own title and the zone to Asia/Kolkata.
 */
export function useTemple(asking?: TempleAsking): { name: string | undefined; timeZone: string } {
  const { data } = useQuery(templeQueryOptions(asking));
  return { name: data?.name, timeZone: data?.timeZone ?? FALLBACK_TIME_ZONE };
}
