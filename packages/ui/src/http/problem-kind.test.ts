import type { Problem } from '@sevabook/shared';
import { describe, expect, it } from 'vitest';
import { ApiError, NetworkError } from './api-client.ts';
import { fieldErrors, problemKey, problemKind } from './problem-kind.ts';

const problem = (code: string, extra: Partial<Problem> = {}): ApiError =>
  new ApiError({ type: 'about:blank', title: 'x', status: 409, code, ...extra } as Problem);

describe('problemKind', () => {
  const worded = ['slot_full', 'validation_failed'] as const;

  it('names the codes a site words', () => {
    expect(problemKind(problem('slot_full'), worded)).toBe('slot_full');
  });

  it('falls back to a general sentence, and to "no connection" without an answer', () => {
    expect(problemKind(problem('capacity_below_booked'), worded)).toBe('generic');
    expect(problemKind(problem('a_code_from_the_future'), worded)).toBe('generic');
    expect(problemKind(new Error('boom'), worded)).toBe('generic');
    expect(problemKind(new NetworkError(), worded)).toBe('network');
  });
});

describe('fieldErrors', () => {
  it('lists the fields of a validation problem', () => {
    const error = problem('validation_failed', {
      errors: [
        { path: 'phone', message: 'bad' },
        { path: 'persons', message: 'too many' },
      ],
    });
    expect(fieldErrors(error)).toBe('phone: bad; persons: too many');
    expect(fieldErrors(problem('validation_failed'))).toBeUndefined();
    expect(fieldErrors(new Error('x'))).toBeUndefined();
  });
});

describe('problemKey', () => {
  it('points at the sentence of the kind, under problems', () => {
    const worded = ['slot_full'] as const;
    expect(problemKey(problem('slot_full'), worded)).toBe('problems.slot_full');
    expect(problemKey(problem('conflict'), worded)).toBe('problems.generic');
    expect(problemKey(new NetworkError(), worded)).toBe('problems.network');
  });
});
