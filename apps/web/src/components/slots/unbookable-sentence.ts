import type { Slot } from '@sevabook/shared';
import type { TFunction } from 'i18next';
import { formatInstant, type UiLanguage } from '../../lib/temple-format.ts';

/** Why a slot cannot be booked, in words; null when it can. */
export function unbookableSentence(
  slot: Pick<Slot, 'unbookableReason' | 'bookingOpensAt'>,
  t: TFunction,
  language: UiLanguage,
  timeZone: string,
): string | null {
  switch (slot.unbookableReason) {
    case null:
      return null;
    case 'full':
      return t('seva.full');
    case 'closed':
      return t('seva.closed');
    case 'cancelled':
      return t('seva.cancelled');
    case 'not_open_yet':
      return t('seva.notOpenYet', { when: formatInstant(slot.bookingOpensAt, language, timeZone) });
    case 'booking_closed':
      return t('seva.bookingClosed');
    case 'seva_inactive':
      return t('seva.inactive');
  }
}
