import type { AvailabilityEvent } from '@sevabook/shared';

/**
 * Reads one `slot` event's data; null for anything malformed, which is then ignored. Both sites
 * read the same stream; what each does with an event (a devotee's slot, a staff day sheet)
 * stays with the site.
 */
export function parseAvailabilityEvent(data: string): AvailabilityEvent | null {
  try {
    const value = JSON.parse(data) as Partial<AvailabilityEvent>;
    const numbers = [value.slotId, value.sevaId, value.capacity, value.booked, value.remaining];
    if (!numbers.every((n) => typeof n === 'number' && Number.isFinite(n))) return null;
    if (value.status !== 'open' && value.status !== 'closed' && value.status !== 'cancelled')
      return null;
    return value as AvailabilityEvent;
  } catch {
    return null;
  }
}
