import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from './error-state.tsx';
import { PageSkeleton } from './page-skeleton.tsx';

interface QueryStateProps<T> {
  query: UseQueryResult<T>;
  skeleton?: ReactNode;
  children: (data: T) => ReactNode;
  errorMessage?: (error: unknown) => string | undefined;
}

/** Loading (a skeleton), offline before any data, an error in words, or the data. */
export function QueryState<T>({ query, skeleton, children, errorMessage }: QueryStateProps<T>) {
  const { t } = useTranslation();
  if (query.data !== undefined) return <>{children(query.data)}</>;
  if (query.isPending && query.fetchStatus === 'paused') {
    return <ErrorState error={undefined} message={t('problems.network')} />;
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
  return <>{skeleton ?? <PageSkeleton />}</>;
}
