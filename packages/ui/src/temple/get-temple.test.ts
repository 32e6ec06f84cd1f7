import { DEFAULT_TEMPLE_TIMEZONE } from '@sevabook/shared';
import { describe, expect, it } from 'vitest';
import { FALLBACK_TIME_ZONE } from './get-temple.ts';

describe('the fallback time zone', () => {
  it('is the shared default', () => {
    expect(FALLBACK_TIME_ZONE).toBe(DEFAULT_TEMPLE_TIMEZONE);
  });
});
