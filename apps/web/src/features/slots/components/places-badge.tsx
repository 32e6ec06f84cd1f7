import type { Slot } from '@sevabook/shared';
import { useTranslation } from 'react-i18next';
import classes from './slots.module.css';

/** "8 places left" or "Full"; updated live, so it must stay short and calm. */
export function PlacesBadge({ slot }: { slot: Pick<Slot, 'remaining' | 'status'> }) {
  const { t } = useTranslation();
  const full = slot.remaining <= 0 || slot.status !== 'open';
  return (
    <span className={classes.places} data-full={full} data-testid="places">
      {slot.status === 'open' && slot.remaining > 0
        ? t('seva.placesLeft', { count: slot.remaining })
        : slot.status === 'open'
          ? t('seva.full')
          : t(slot.status === 'closed' ? 'seva.closed' : 'seva.cancelled')}
    </span>
  );
}
