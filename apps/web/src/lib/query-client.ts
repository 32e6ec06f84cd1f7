import { createQueryClient as createSharedQueryClient } from '@sevabook/ui';
import type { QueryClient } from '@tanstack/react-query';

/** Sevas and slots change slowly for a devotee; the live stream patches availability. */
export function createQueryClient(): QueryClient {
  return createSharedQueryClient({ staleTime: 30_000 });
}
