import { describe, expect, it } from 'vitest';
import {
  formatCalendarDate as formatDate,
  formatMinutes as formatDuration,
  formatRupees as formatMoney,
  formatWallTime as formatTime,
  formatZonedInstant as formatInstant,
} from './temple-format.ts';

describe('temple-format', () => {
  it('formats a temple date the same whatever the device’s zone', () => {
    // Formatting happens in UTC on purpose: a device set to America/Los_Angeles must not show 23 Nov.
    expect(formatDate('2026-11-24', 'en-IN', 'long')).toBe('Tuesday, 24 November 2026');
    expect(formatDate('2026-11-24', 'en-IN', 'short')).toBe('Tue, 24 Nov');
  });

  it('formats dates in Kannada', () => {
    const text = formatDate('2026-11-24', 'kn-IN', 'long');
    expect(text).toContain('ನವೆಂಬರ್');
    expect(text).toContain('ಮಂಗಳವಾರ');
  });

  it('formats a wall-clock time without shifting it', () => {
    expect(formatTime('06:30', 'en-IN').replace(/\s/g, ' ')).toMatch(/^6:30 (am|AM)$/);
    expect(formatTime('18:05', 'en-IN').replace(/\s/g, ' ')).toMatch(/^6:05 (pm|PM)$/);
  });

  it('shows instants in the temple zone', () => {
    const text = formatInstant('2026-11-24T01:00:00Z', 'en-IN', 'Asia/Kolkata').replace(/\s/g, ' ');
    expect(text).toContain('6:30');
    expect(text).toContain('24 Nov');
    expect(formatInstant('2026-11-24T01:00:00Z', 'en-IN', 'Asia/Kolkata', 'year')).toContain(
      '2026',
    );
  });

  it('shows rupees without paise when whole, with them when not', () => {
    expect(formatMoney(25_000, 'en-IN')).toBe('₹250');
    expect(formatMoney(25_050, 'en-IN')).toBe('₹250.50');
    expect(formatMoney(2_50_00_000, 'en-IN')).toBe('₹2,50,000');
  });

  it('says durations in words', () => {
    expect(formatDuration(45, 'en-IN')).toBe('45 minutes');
    expect(formatDuration(60, 'en-IN')).toBe('1 hour');
    expect(formatDuration(90, 'en-IN')).toBe('1 hour 30 minutes');
    expect(formatDuration(45, 'kn-IN')).toContain('45');
  });
});
