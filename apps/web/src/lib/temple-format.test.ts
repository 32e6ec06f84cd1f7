import { describe, expect, it } from 'vitest';
import { formatDate, localized } from './temple-format.ts';

describe('temple-format', () => {
  it('formats in the language the devotee chose', () => {
    expect(formatDate('2026-11-24', 'en', 'long')).toBe('Tuesday, 24 November 2026');
    expect(formatDate('2026-11-24', 'kn', 'long')).toContain('ನವೆಂಬರ್');
  });

  it('falls back to English when a translation is blank', () => {
    expect(localized({ en: 'Archana', kn: '' }, 'kn')).toBe('Archana');
    expect(localized({ en: 'Archana', kn: 'ಅರ್ಚನೆ' }, 'kn')).toBe('ಅರ್ಚನೆ');
  });
});
