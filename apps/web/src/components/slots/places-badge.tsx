import type { Slot } from '@sevabook/shared';
import { useTranslation } from 'react-i18next';
import { useUiLanguage } from '../../lib/use-ui-language.ts';
import { useTemple } from '../../lib/use-temple.ts';
import { unbookableSentence } from './unbookable-sentence.ts';
import classes from './slots.module.css';

/**
 * "8 places left", or why the slot cannot be booked ("Full", "Booking has closed"). Updated
 * live, so it stays short and calm. Places are shown only while they can be booked: "50 places
 * left" on a slot whose booking has closed would mislead.
 */
export function PlacesBadge({ slot }: { slot: Slot }) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const { timeZone } = useTemple();
  // Full, but its waiting list takes devotees (the same condition the API gives as waitlist.open).
  const waitlistOpen = slot.waitlist?.open ?? slot.unbookableReason === 'full';
  const reason = waitlistOpen
    ? t('waitlist.fullJoin')
    : unbookableSentence(slot, t, language, timeZone);
  return (
    <span className={classes.places} data-available={reason === null} data-testid="places">
      {reason ?? t('seva.placesLeft', { count: slot.remaining })}
    </span>
  );
}
