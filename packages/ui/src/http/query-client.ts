import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './api-client.ts';

/** Retrying a 4xx cannot change its answer; retry only network trouble and 5xx, twice. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status < 500) return false;
  return failureCount < 2;
}

export function createQueryClient({ staleTime }: { staleTime: number }): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime, refetchOnWindowFocus: true },
      mutations: { retry: false },
    },
  });
}
