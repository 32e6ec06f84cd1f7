import { describe, expect, it } from 'vitest';
import { addDays, daysFrom, isIsoDate, todayIn } from './calendar-date.ts';

describe('calendar dates in the temple zone', () => {
  it('is already tomorrow in Kolkata at 20:00 UTC', () => {
    // 20:00 UTC is 01:30 the next day in India (UTC+5:30).
    expect(todayIn('Asia/Kolkata', new Date('2026-11-24T20:00:00Z'))).toBe('2026-11-25');
    expect(todayIn('UTC', new Date('2026-11-24T20:00:00Z'))).toBe('2026-11-24');
  });

  it('adds days across month and year ends', () => {
    expect(addDays('2026-11-30', 1)).toBe('2026-12-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-11-24', 61)).toBe('2027-01-24');
  });

  it('counts whole days between dates', () => {
    expect(daysFrom('2026-11-24', '2026-12-24')).toBe(30);
    expect(daysFrom('2026-11-24', '2026-11-20')).toBe(-4);
  });
});

describe('isIsoDate', () => {
  it('accepts real dates only', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-02-30')).toBe(false);
    expect(isIsoDate('24-11-2026')).toBe(false);
    expect(isIsoDate(undefined)).toBe(false);
  });
});
