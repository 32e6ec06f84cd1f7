/**
 * Spaces sends evenly at `ratePerSec` (Twilio's WhatsApp default is about 10 per second per
 * sender), so a backlog drains at that rate instead of in bursts that end in 429 storms. A 429's
 * Retry-After pauses the whole pacer. One pacer per notifier process: with several processes,
 * give each its share of the sender's rate (docs/decisions/0004-outbox-notifier.md).
 */
export class Pacer {
  private nextAt = 0;
  private pausedUntilMs = 0;
  private readonly intervalMs: number;

  constructor(
    ratePerSec: number,
    private readonly clock: () => number = Date.now,
  ) {
    this.intervalMs = 1000 / ratePerSec;
  }

  /** Until when a 429 asked us to stop sending (0 when not paused). */
  get pausedUntil(): number {
    return this.pausedUntilMs > this.clock() ? this.pausedUntilMs : 0;
  }

  pause(ms: number): void {
    this.pausedUntilMs = Math.max(this.pausedUntilMs, this.clock() + ms);
  }

  /**
   * Waits for the next send slot and takes it. `sleep` may return early (on shutdown);
   * `cancelled` then says to give up without taking a slot.
   */
  async take(sleep: (ms: number) => Promise<void>, cancelled: () => boolean): Promise<boolean> {
    for (;;) {
      if (cancelled()) return false;
      const now = this.clock();
      const at = Math.max(this.nextAt, this.pausedUntilMs);
      if (now >= at) {
        // A timer that fires a little late does not push every later send back (no drift), but
        // no credit is saved up while idle: a burst after a quiet spell is still spaced out.
        const late = now - this.nextAt;
        this.nextAt = (late < this.intervalMs ? this.nextAt : now) + this.intervalMs;
        return true;
      }
      await sleep(at - now);
    }
  }
}

/**
 * Exponential backoff with "equal jitter": half the delay is fixed, half random, so retries
 * after an outage spread out instead of arriving together.
 */
export function backoffDelay(
  attempt: number,
  baseMs: number,
  maxMs: number,
  random: () => number = Math.random,
): number {
  const exponential = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exponential / 2 + (random() * exponential) / 2);
}
