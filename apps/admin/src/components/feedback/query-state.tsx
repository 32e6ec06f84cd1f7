import { QueryState as SharedQueryState, type QueryStateProps } from '@sevabook/ui';
import type { ReactNode } from 'react';
import { ErrorState } from './error-state.tsx';
import { PageSkeleton } from './page-skeleton.tsx';

type AdminQueryStateProps<T> = Omit<QueryStateProps<T>, 'errorView' | 'skeleton'> & {
  skeleton?: ReactNode;
};

/** The shared loading / offline / error / data states; the skeleton defaults to a page's. */
export function QueryState<T>({ skeleton, ...props }: AdminQueryStateProps<T>) {
  return (
    <SharedQueryState {...props} skeleton={skeleton ?? <PageSkeleton />} errorView={ErrorState} />
  );
}
