import { describe, expect, it } from 'vitest';
import { backoffDelay, Pacer } from '../../src/notifications/pacer.ts';
import {
  classifySendError,
  providerStatus,
  retryAfterMs,
  TwilioThrottled,
} from '../../src/notifications/twilio-transport.ts';

describe('backoffDelay', () => {
  it('doubles with each attempt, between half and all of the exponential delay, up to the cap', () => {
    for (const [attempt, full] of [
      [1, 1_000],
      [2, 2_000],
      [3, 4_000],
      [6, 30_000],
      [20, 30_000],
    ] as const) {
      expect(backoffDelay(attempt, 1_000, 30_000, () => 0)).toBe(full / 2);
      expect(backoffDelay(attempt, 1_000, 30_000, () => 0.999_999)).toBeCloseTo(full, -1);
    }
  });
});

describe('retryAfterMs', () => {
  it('reads seconds and HTTP dates, and falls back to a second', () => {
    expect(retryAfterMs('3')).toBe(3_000);
    const now = Date.parse('2026-11-24T10:00:00Z');
    expect(retryAfterMs('Tue, 24 Nov 2026 10:00:05 GMT', now)).toBe(5_000);
    expect(retryAfterMs(undefined)).toBe(1_000);
    expect(retryAfterMs('soon')).toBe(1_000);
  });
});

describe('classifySendError', () => {
  const rest = (status: number, code?: number) =>
    Object.assign(new Error('Twilio says no'), { status, code });

  it('fails for good on errors no retry can fix, with the reason', () => {
    for (const code of [21211, 21610, 63016]) {
      const outcome = classifySendError(rest(400, code));
      expect(outcome).toMatchObject({ kind: 'permanent', code: String(code) });
    }
    expect(classifySendError(rest(400, 63016))).toMatchObject({
      reason: expect.stringMatching(/24-hour WhatsApp window/) as unknown,
    });
  });

  it('retries server errors, unknown client errors and connections that never opened', () => {
    expect(classifySendError(rest(500, 20500))).toMatchObject({ kind: 'retry', code: '20500' });
    expect(classifySendError(rest(503))).toMatchObject({ kind: 'retry', code: 'http_503' });
    expect(classifySendError(rest(400, 21999))).toMatchObject({ kind: 'retry' });
    const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    expect(classifySendError(refused)).toMatchObject({ kind: 'retry', code: 'ECONNREFUSED' });
  });

  it('calls a timeout or a reset connection an unknown outcome, never a plain retry', () => {
    const timeout = Object.assign(new Error('timeout of 15000ms exceeded'), {
      code: 'ECONNABORTED',
    });
    expect(classifySendError(timeout)).toMatchObject({ kind: 'unknown' });
    const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    expect(classifySendError(reset)).toMatchObject({ kind: 'unknown' });
  });

  it('turns a 429 into a pause of the asked length', () => {
    expect(classifySendError(new TwilioThrottled(2_000))).toMatchObject({
      kind: 'throttled',
      retryAfterMs: 2_000,
    });
  });
});

describe('providerStatus', () => {
  it('folds Twilio’s statuses into the outbox’s', () => {
    expect(['accepted', 'queued', 'sending', 'sent'].map(providerStatus)).toEqual([
      'sent',
      'sent',
      'sent',
      'sent',
    ]);
    expect(['delivered', 'read', 'failed', 'undelivered'].map(providerStatus)).toEqual([
      'delivered',
      'read',
      'failed',
      'failed',
    ]);
    expect(providerStatus('receiving')).toBeNull();
  });
});

describe('Pacer', () => {
  it('spaces sends at the rate, without drift from late timers, and holds them during a pause', async () => {
    let now = 1_000_000;
    const pacer = new Pacer(10, () => now);
    const taken: number[] = [];
    // A sleep that advances the fake clock a little late, as real timers do.
    const sleep = async (ms: number) => {
      now += ms + 3;
    };
    for (let i = 0; i < 5; i++) {
      await pacer.take(sleep, () => false);
      taken.push(now);
    }
    expect(taken[4]! - taken[0]!).toBeLessThanOrEqual(400 + 3);

    pacer.pause(2_000);
    const pausedAt = now;
    await pacer.take(sleep, () => false);
    expect(now - pausedAt).toBeGreaterThanOrEqual(2_000);
    expect(await pacer.take(sleep, () => true)).toBe(false);
  });
});
