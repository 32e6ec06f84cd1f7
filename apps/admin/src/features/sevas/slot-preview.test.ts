import { describe, expect, it } from 'vitest';
import { isoWeekday, parseTimes, previewSlots } from './slot-preview.ts';

describe('previewSlots', () => {
  const draft = {
    weekdays: [1, 3],
    times: ['18:00', '06:30'],
    validFrom: '2026-11-20',
    validUntil: null,
  };

  it('lists each chosen weekday at each time, in order, from today', () => {
    // 2026-11-23 is a Monday, 2026-11-25 a Wednesday.
    expect(previewSlots(draft, '2026-11-23', 3)).toEqual([
      { date: '2026-11-23', time: '06:30' },
      { date: '2026-11-23', time: '18:00' },
      { date: '2026-11-25', time: '06:30' },
      { date: '2026-11-25', time: '18:00' },
    ]);
  });

  it('starts at validFrom when that is later than today and stops after validUntil', () => {
    const slots = previewSlots(
      { ...draft, validFrom: '2026-11-25', validUntil: '2026-11-30' },
      '2026-11-23',
      30,
    );
    expect(slots.map((s) => s.date)).toEqual([
      '2026-11-25',
      '2026-11-25',
      '2026-11-30',
      '2026-11-30',
    ]);
  });

  it('leaves out closed dates', () => {
    const slots = previewSlots(draft, '2026-11-23', 3, new Set(['2026-11-23']));
    expect(slots.map((s) => s.date)).toEqual(['2026-11-25', '2026-11-25']);
  });
});

describe('isoWeekday', () => {
  it('counts Monday as 1 and Sunday as 7', () => {
    expect(isoWeekday('2026-11-23')).toBe(1);
    expect(isoWeekday('2026-11-29')).toBe(7);
  });
});

describe('parseTimes', () => {
  it('reads times typed with commas, spaces or dots', () => {
    expect(parseTimes('6:30, 18.00 07:15')).toEqual(['06:30', '18:00', '07:15']);
  });
  it('refuses anything that is not a time of day', () => {
    expect(parseTimes('25:00')).toBeNull();
    expect(parseTimes('morning')).toBeNull();
  });
});
