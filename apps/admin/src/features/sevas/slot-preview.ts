import { addDays, dateToUtcMidnight } from '../../lib/calendar-date.ts';

export interface ScheduleDraft {
  weekdays: number[];
  times: string[];
  validFrom: string;
  validUntil: string | null;
}

export interface PreviewSlot {
  date: string;
  time: string;
}

/** ISO weekday of a calendar date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const day = dateToUtcMidnight(date).getUTCDay();
  return day === 0 ? 7 : day;
}

/**
 * The slots a schedule will make over the next `days` days from `today` (or from its first
 * valid day, if later), leaving out closed dates. The API makes the same set; this shows it
 * before saving.
 */
export function previewSlots(
  draft: ScheduleDraft,
  today: string,
  days: number,
  closedDates: ReadonlySet<string> = new Set(),
): PreviewSlot[] {
  const start = draft.validFrom > today ? draft.validFrom : today;
  const times = [...new Set(draft.times)].sort();
  const out: PreviewSlot[] = [];
  for (let i = 0; i < days; i++) {
    const date = addDays(start, i);
    if (draft.validUntil && date > draft.validUntil) break;
    if (!draft.weekdays.includes(isoWeekday(date)) || closedDates.has(date)) continue;
    for (const time of times) out.push({ date, time });
  }
  return out;
}

/** "06:30, 18:00" or "6.30 18:00" → ['06:30', '18:00']; null when any part is not a time. */
export function parseTimes(text: string): string[] | null {
  const parts = text
    .split(/[\s,;]+/)
    .map((p) => p.trim())
    .filter(Boolean);
  const times: string[] = [];
  for (const part of parts) {
    const m = /^(\d{1,2})[:.](\d{2})$/.exec(part);
    if (!m) return null;
    const h = Number(m[1]);
    const min = Number(m[2]);
    if (h > 23 || min > 59) return null;
    times.push(`${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}`);
  }
  return times;
}
