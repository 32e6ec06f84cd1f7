import { useTranslation } from 'react-i18next';
import type { StreamState } from '../hooks/use-availability-stream.ts';
import classes from './slots.module.css';

export function LiveStatus({ state }: { state: StreamState }) {
  const { t } = useTranslation();
  if (state === 'unsupported') return null;
  // The status region is there from the start, so screen readers announce the later changes.
  return (
    <span className={classes.live} data-state={state} role="status">
      {state !== 'connecting' && (
        <>
          <span className={classes.dot} aria-hidden="true" />
          {state === 'live' ? t('seva.live') : t('seva.reconnecting')}
        </>
      )}
    </span>
  );
}
