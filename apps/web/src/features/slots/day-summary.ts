import type { Slot } from '@sevabook/shared';

type DayState = 'open' | 'full' | 'unavailable';

export interface DaySummary {
  date: string;
  state: DayState;
  /** Places free across the day's bookable slots. */
  places: number;
  slots: Slot[];
}

/**
 * The booking window as the date strip shows it: one entry per date that has slots, soonest
 * first, each saying whether places are left. Dates with no slot at all are left out: a weekly
 * seva shows its weekly dates, not six empty days between them.
 */
export function summariseDays(slots: readonly Slot[]): DaySummary[] {
  const byDate = new Map<string, Slot[]>();
  for (const slot of slots) {
    const list = byDate.get(slot.date);
    if (list) list.push(slot);
    else byDate.set(slot.date, [slot]);
  }
  return [...byDate.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([date, daySlots]) => {
      const sorted = [...daySlots].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
      const places = sorted.filter((s) => s.bookable).reduce((sum, s) => sum + s.remaining, 0);
      const state: DayState =
        places > 0
          ? 'open'
          : sorted.some((s) => s.unbookableReason === 'full')
            ? 'full'
            : 'unavailable';
      return { date, state, places, slots: sorted };
    });
}

/** The date to show first: the one asked for if it has slots, else the first with places. */
export function pickDate(days: readonly DaySummary[], wanted: string | null): string | undefined {
  if (wanted && days.some((d) => d.date === wanted)) return wanted;
  return (days.find((d) => d.state === 'open') ?? days[0])?.date;
}

/** The first date after `date` that still has places, for "next open date is …". */
export function nextOpenDate(days: readonly DaySummary[], date: string): string | undefined {
  return days.find((d) => d.date > date && d.state === 'open')?.date;
}
