import type { Problem } from '@sevabook/shared';
import { describe, expect, it } from 'vitest';
import { en } from '../locales/en.ts';
import { kn } from '../locales/kn.ts';
import { ApiError, NetworkError } from './api-client.ts';
import { errorKind } from './problem-sentence.ts';

const problem = (code: string): ApiError =>
  new ApiError({ type: 'about:blank', title: 'x', status: 409, code } as Problem);

describe('errorKind', () => {
  it('names the codes a devotee can meet', () => {
    expect(errorKind(problem('slot_full'))).toBe('slot_full');
    expect(errorKind(problem('booking_window_closed'))).toBe('booking_window_closed');
    expect(errorKind(problem('duplicate_booking'))).toBe('duplicate_booking');
  });

  it('falls back to a general sentence for codes it does not word, and to "no connection"', () => {
    expect(errorKind(problem('capacity_below_booked'))).toBe('generic');
    expect(errorKind(problem('a_code_from_the_future'))).toBe('generic');
    expect(errorKind(new Error('boom'))).toBe('generic');
    expect(errorKind(new NetworkError())).toBe('network');
  });

  it('has a sentence in both languages for every kind', () => {
    const kinds = Object.keys(en.problems);
    for (const code of ['slot_full', 'rate_limited', 'not_found', 'network', 'generic']) {
      expect(kinds).toContain(code);
      expect(kn.problems[code as keyof typeof kn.problems]).toMatch(/\S/);
    }
  });
});
