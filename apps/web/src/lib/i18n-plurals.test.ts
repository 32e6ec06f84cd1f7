import { describe, expect, it } from 'vitest';
import { setupI18n } from './i18n.ts';

describe('counts on screen', () => {
  it('follow each language’s plural rules: one place, two places', async () => {
    const i18n = await setupI18n('en');
    const en = i18n.getFixedT('en');
    const kn = i18n.getFixedT('kn');
    expect(en('seva.placesLeft', { count: 1 })).toBe('1 place left');
    expect(en('seva.placesLeft', { count: 2 })).toBe('2 places left');
    expect(en('seva.dateHasPlaces', { count: 1 })).toBe('1 place');
    expect(kn('seva.placesLeft', { count: 1 })).toBe('1 ಸ್ಥಾನ ಉಳಿದಿದೆ');
    expect(kn('seva.placesLeft', { count: 2 })).toBe('2 ಸ್ಥಾನಗಳು ಉಳಿದಿವೆ');
    expect(kn('form.toPayFor', { count: 2, amount: '₹100' })).toContain('2 ವ್ಯಕ್ತಿಗಳಿಗೆ');
    expect(kn('form.toPayFor', { count: 1, amount: '₹50' })).toContain('1 ವ್ಯಕ್ತಿಗೆ');
  });
});
