import { createQueryClient as createSharedQueryClient } from '@sevabook/ui';
import type { QueryClient } from '@tanstack/react-query';

/** Staff screens go stale sooner than the devotee site's: bookings change all morning. */
export function createQueryClient(): QueryClient {
  return createSharedQueryClient({ staleTime: 15_000 });
}
