import { describe, expect, it } from 'vitest';
import {
  dateColumnValue,
  dateOfDateColumn,
  parseTimeList,
  parseWeekdayList,
  templeDateOf,
  templeDateTimeToUtc,
} from './temple-time.ts';

describe('temple time', () => {
  it('turns a temple date and time in Asia/Kolkata into the UTC instant', () => {
    expect(templeDateTimeToUtc('2026-11-24', '05:30', 'Asia/Kolkata').toISOString()).toBe(
      '2026-11-24T00:00:00.000Z',
    );
    expect(templeDateTimeToUtc('2026-11-24', '00:15', 'Asia/Kolkata').toISOString()).toBe(
      '2026-11-23T18:45:00.000Z',
    );
  });

  it('gives the temple date of an instant, not the UTC date', () => {
    expect(templeDateOf(new Date('2026-11-23T18:45:00Z'), 'Asia/Kolkata')).toBe('2026-11-24');
  });
});

describe('DATE columns', () => {
  it('round-trips a calendar date through the UTC-midnight Date Prisma uses', () => {
    expect(dateColumnValue('2026-11-24').toISOString()).toBe('2026-11-24T00:00:00.000Z');
    expect(dateOfDateColumn(new Date('2026-11-24T00:00:00.000Z'))).toBe('2026-11-24');
  });
});

describe('schedule lists', () => {
  it('reads ISO weekdays, sorted and without repeats', () => {
    expect(parseWeekdayList('5, 1,3,1')).toEqual([1, 3, 5]);
  });

  it('refuses weekdays outside 1-7 and anything else', () => {
    for (const bad of ['0', '8', '1,,2', 'mon', '']) expect(() => parseWeekdayList(bad)).toThrow();
  });

  it('reads HH:mm start times, sorted and without repeats', () => {
    expect(parseTimeList('18:00,06:30, 18:00')).toEqual(['06:30', '18:00']);
  });

  it('refuses times that are not HH:mm', () => {
    for (const bad of ['6:30', '24:00', '06:60', '06:30,', ''])
      expect(() => parseTimeList(bad)).toThrow();
  });
});
