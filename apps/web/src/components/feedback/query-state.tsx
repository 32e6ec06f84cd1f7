import { QueryState as SharedQueryState, type QueryStateProps } from '@sevabook/ui';
import { ErrorState } from './error-state.tsx';

/** The shared loading / offline / error / data states, with the devotee site's error view. */
export function QueryState<T>(props: Omit<QueryStateProps<T>, 'errorView'>) {
  return <SharedQueryState {...props} errorView={ErrorState} />;
}
