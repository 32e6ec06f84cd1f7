import { ApiError } from '../../lib/api-client.ts';

const codes = [
  'places_available',
  'already_waiting',
  'offer_not_open',
  'duplicate_booking',
  'booking_limit_reached',
  'booking_window_closed',
  'slot_not_bookable',
  'slot_full',
  'not_found',
] as const;

export type WaitlistProblemKey = `waitlist.errors.${(typeof codes)[number] | 'generic'}`;

/** The sentence key for a waitlist request's refusal. */
export function waitlistProblem(error: unknown): WaitlistProblemKey {
  const code = error instanceof ApiError ? error.code : undefined;
  const known = codes.find((c) => c === code);
  return `waitlist.errors.${known ?? 'generic'}`;
}
