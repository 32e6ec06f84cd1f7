import type { CheckInResult } from '@sevabook/shared';
import type { TFunction } from 'i18next';

export type Tone = 'green' | 'amber' | 'red';

/** What the gate shows for an answer: its colour, a headline and the lines under it. */
export interface GateAnswer {
  tone: Tone;
  headline: string;
  lines: string[];
  /** Said aloud for amber and red, so the person at the gate need not read the screen. */
  spoken: string | null;
  /** wrong_slot: staff may let them in all the same. */
  offerAnyway: boolean;
}

const TONES: Record<CheckInResult['outcome'], Tone> = {
  checked_in: 'green',
  already_checked_in: 'amber',
  wrong_slot: 'amber',
  cancelled: 'red',
  not_found: 'red',
  invalid_code: 'red',
  not_confirmed: 'red',
};

/** The gate's screen for an answer from POST /admin/check-ins. */
export function gateAnswer(
  result: CheckInResult,
  t: TFunction,
  format: {
    date: (isoDate: string) => string;
    time: (iso: string) => string;
    seva: (b: NonNullable<CheckInResult['booking']>) => string;
  },
): GateAnswer {
  const tone = TONES[result.outcome];
  const b = result.booking;
  const headline = t(`checkIn.outcome.${result.outcome}`);
  const lines: string[] = [];
  if (b) {
    lines.push(b.devoteeName);
    lines.push(`${format.seva(b)} · ${b.slot.time}`);
    lines.push(t('checkIn.persons', { count: b.persons }));
  }
  let detail: string | null = null;
  if (result.outcome === 'already_checked_in' && b?.arrivedAt) {
    detail = b.arrivedBy
      ? t('checkIn.arrivedAtBy', { time: format.time(b.arrivedAt), name: b.arrivedBy })
      : t('checkIn.arrivedAt', { time: format.time(b.arrivedAt) });
  }
  if (result.outcome === 'wrong_slot' && b) {
    detail = t('checkIn.rightSlot', { date: format.date(b.slot.date), time: b.slot.time });
  }
  if (result.outcome === 'not_confirmed' && b) detail = t(`checkIn.status.${b.status}`);
  if (detail) lines.unshift(detail);
  return {
    tone,
    headline,
    lines,
    spoken: tone === 'green' ? null : [headline, detail].filter(Boolean).join('. '),
    offerAnyway: result.outcome === 'wrong_slot',
  };
}
