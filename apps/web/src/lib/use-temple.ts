import { useTemple as useTempleAnswer } from '@sevabook/ui';

/** The devotee site asks for the temple once per visit; see `TempleAsking`. */
export function useTemple(): { name: string | undefined; timeZone: string } {
  return useTempleAnswer({ oncePerVisit: true });
}
