export type FillLevel = 'open' | 'nearly' | 'full' | 'closed';

/** At or above this share of places booked, a slot shows as nearly full. */
const NEARLY_FULL_SHARE = 0.8;

/** How full a slot is, for its colour in the day view and the calendar. */
export function fillLevel(
  booked: number,
  capacity: number,
  status: 'open' | 'closed' | 'cancelled',
): FillLevel {
  if (status !== 'open') return 'closed';
  if (capacity <= 0 || booked >= capacity) return 'full';
  if (booked / capacity >= NEARLY_FULL_SHARE) return 'nearly';
  return 'open';
}
