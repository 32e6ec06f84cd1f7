import { MAX_SLOT_RANGE_DAYS } from '@sevabook/shared';
import { addDays, todayIn } from '../calendar-date.ts';
import type { SlotRange } from './get-slots.ts';

/**
 * A seva's slots (and closed dates) from today as far as one request may reach. It needs only
 * the seva's id, not the seva itself, so a seva's page asks for its slots alongside the seva
 * instead of after it (one round trip less before the dates show); the page keeps those inside
 * the seva's booking window. NOTE: the API names these same addresses in a seva page's Link
 * header (apps/api/src/plugins/page-preloads.ts); change both together.
 */
export function slotsAhead(sevaId: number, timeZone: string): SlotRange {
  const today = todayIn(timeZone);
  return { sevaId, from: today, to: addDays(today, MAX_SLOT_RANGE_DAYS - 1) };
}
