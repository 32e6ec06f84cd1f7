import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NetworkError } from '../../lib/api-client.ts';
import { ErrorState } from './error-state.tsx';

interface QueryStateProps<T> {
  query: UseQueryResult<T>;
  skeleton: ReactNode;
  children: (data: T) => ReactNode;
  /** A sentence for errors this screen words itself (e.g. a 404). */
  errorMessage?: (error: unknown) => string | undefined;
}

/**
 * Every data screen has the same four states: loading (a skeleton), no connection before any
 * data came (a plain sentence, not an endless skeleton), an error in words, and the data.
 */
export function QueryState<T>({ query, skeleton, children, errorMessage }: QueryStateProps<T>) {
  const { t } = useTranslation();
  if (query.data !== undefined) return <>{children(query.data)}</>;
  if (query.isPending && query.fetchStatus === 'paused') {
    return <ErrorState error={new NetworkError()} message={t('problems.network')} />;
  }
  if (query.isError) {
    return (
      <ErrorState
        error={query.error}
        message={errorMessage?.(query.error)}
        onRetry={() => void query.refetch()}
      />
    );
  }
  return <>{skeleton}</>;
}
