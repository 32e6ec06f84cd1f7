/**
 * A random UUID v4 for the Idempotency-Key header. crypto.randomUUID exists only in secure
 * contexts (https or localhost); a temple may serve the site over plain http on its own
 * network, so fall back to getRandomValues, which works everywhere.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * One Idempotency-Key per booking attempt. A retry of the same details (a double tap, a flaky
 * network) gets the same key, so the API books at most once; changed details, or a `reset()`
 * after the API has definitely said no, start a new attempt with a new key.
 */
export class AttemptKeys {
  private last: { key: string; payload: string } | null = null;

  keyFor(payload: string): string {
    if (this.last?.payload !== payload) this.last = { key: newIdempotencyKey(), payload };
    return this.last.key;
  }

  reset(): void {
    this.last = null;
  }
}
