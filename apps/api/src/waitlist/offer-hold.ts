/**
 * How long an offer holds its places.
 *
 * WAITLIST_OFFER_SECONDS (default 2 hours), but never past the seva's booking close: a devotee
 * cannot book after it, and the places should reach someone who can still come. So close to
 * the seva offers are shorter. With less than MIN_OFFER_MS left before the close no offer is
 * made at all: the entries keep waiting, and staff may still offer by hand, with a hold up to
 * the slot's start (the counter books until then).
 */

export interface WaitlistOfferSettings {
  offerSeconds: number;
}

/** Shorter than this, a devotee could not reasonably read the message and answer. */
export const MIN_OFFER_MS = 10 * 60_000;

let settings: WaitlistOfferSettings = { offerSeconds: 7200 };

/**
 * Set once at start-up from the configuration (app.ts through the waitlist routes, and the
 * notifier's process): releasePlaces runs deep inside many transactions that carry no config.
 */
export function configureWaitlistOffers(next: WaitlistOfferSettings): void {
  settings = next;
}

export function waitlistOfferSettings(): WaitlistOfferSettings {
  return settings;
}

/** When an offer made now expires, or null when it is too late to make one. */
export function offerHoldUntil(
  startsAt: Date,
  seva: { bookingClosesMinutesBefore: number },
  now: Date,
  { offerSeconds }: WaitlistOfferSettings,
  { byStaff }: { byStaff: boolean },
): Date | null {
  const limit = byStaff
    ? startsAt.getTime()
    : startsAt.getTime() - seva.bookingClosesMinutesBefore * 60_000;
  const until = Math.min(now.getTime() + offerSeconds * 1000, limit);
  return until - now.getTime() < Math.min(MIN_OFFER_MS, offerSeconds * 1000)
    ? null
    : new Date(until);
}
