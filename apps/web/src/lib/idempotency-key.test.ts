import { describe, expect, it } from 'vitest';
import { AttemptKeys, newIdempotencyKey } from './idempotency-key.ts';

const uuidV4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('newIdempotencyKey', () => {
  it('gives a fresh UUID v4 each time', () => {
    const a = newIdempotencyKey();
    expect(a).toMatch(uuidV4);
    expect(newIdempotencyKey()).not.toBe(a);
  });

  it('still works where randomUUID is missing (plain http on the temple network)', () => {
    const original = Object.getOwnPropertyDescriptor(crypto, 'randomUUID');
    Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true });
    try {
      const keys = new Set(Array.from({ length: 50 }, newIdempotencyKey));
      expect(keys.size).toBe(50);
      for (const key of keys) expect(key).toMatch(uuidV4);
    } finally {
      if (original) Object.defineProperty(crypto, 'randomUUID', original);
      else delete (crypto as { randomUUID?: unknown }).randomUUID;
    }
  });
});

describe('AttemptKeys', () => {
  it('keeps the key while the details are the same, and changes it when they change', () => {
    const attempts = new AttemptKeys();
    const first = attempts.keyFor('{"persons":1}');
    expect(attempts.keyFor('{"persons":1}')).toBe(first);
    const second = attempts.keyFor('{"persons":2}');
    expect(second).not.toBe(first);
    attempts.reset();
    expect(attempts.keyFor('{"persons":2}')).not.toBe(second);
  });
});
