import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { StreamState } from '../../lib/slots/use-availability-stream.ts';

export function LiveIndicator({ state }: { state: StreamState }) {
  const { t } = useTranslation();
  if (state === 'unsupported') return null;
  const live = state === 'live';
  return (
    <Badge
      variant="dot"
      color={live ? 'leaf' : 'saffron'}
      data-testid="live-indicator"
      data-state={state}
    >
      {live ? t('day.live') : t('day.reconnecting')}
    </Badge>
  );
}
