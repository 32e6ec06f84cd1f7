import { useEffect, useState } from 'react';

export interface HoldCountdown {
  /** Whole seconds left until the hold ends; 0 once it has. */
  secondsLeft: number;
  expired: boolean;
}

const secondsUntil = (iso: string | null, now: number) =>
  iso === null ? 0 : Math.max(0, Math.ceil((Date.parse(iso) - now) / 1000));

/**
 * How long the places held for a payment stay held, ticking each second. The instant comes from
 * the API; the phone's clock only counts down to it, so a phone a minute wrong shows a minute
 * wrong, and the API, not this count, decides when the hold has ended.
 */
export function useHoldCountdown(holdExpiresAt: string | null): HoldCountdown {
  const [secondsLeft, setSecondsLeft] = useState(() => secondsUntil(holdExpiresAt, Date.now()));

  useEffect(() => {
    const tick = () => setSecondsLeft(secondsUntil(holdExpiresAt, Date.now()));
    tick();
    if (holdExpiresAt === null) return;
    const timer = window.setInterval(tick, 1000);
    return () => window.clearInterval(timer);
  }, [holdExpiresAt]);

  return { secondsLeft, expired: secondsLeft === 0 };
}

/** "9:05": minutes and seconds, as a countdown reads. */
export function clockOf(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return `${m}:${String(s).padStart(2, '0')}`;
}
