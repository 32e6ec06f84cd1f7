import type { UseQueryResult } from '@tanstack/react-query';
import type { ComponentType, ReactNode } from 'react';
import { NetworkError } from '../http/api-client.ts';

export interface ErrorViewProps {
  error: unknown;
  message?: string;
  onRetry?: () => void;
}

export interface QueryStateProps<T> {
  query: UseQueryResult<T>;
  skeleton: ReactNode;
  children: (data: T) => ReactNode;
  /** A sentence for errors this screen words itself (e.g. a 404). */
  errorMessage?: (error: unknown) => string | undefined;
  /** How the site shows an error in words. */
  errorView: ComponentType<ErrorViewProps>;
}

/**
 * Every data screen has the same four states: loading (a skeleton), no connection before any
 * data came (a plain sentence, not an endless skeleton), an error in words, and the data.
 */
export function QueryState<T>({
  query,
  skeleton,
  children,
  errorMessage,
  errorView: ErrorView,
}: QueryStateProps<T>) {
  if (query.data !== undefined) return <>{children(query.data)}</>;
  if (query.isPending && query.fetchStatus === 'paused') {
    return <ErrorView error={new NetworkError()} />;
  }
  if (query.isError) {
    return (
      <ErrorView
        error={query.error}
        message={errorMessage?.(query.error)}
        onRetry={() => void query.refetch()}
      />
    );
  }
  return <>{skeleton}</>;
}
