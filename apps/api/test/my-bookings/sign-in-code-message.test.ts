import { glossary } from '@sevabook/shared';
import { describe, expect, it } from 'vitest';
import { renderSignInCodeMessage } from '../../src/my-bookings/sign-in-code-message.ts';

const fields = { code: '042917', validMinutes: 10, templeName: 'ಶ್ರೀ ಗುರು ಮಠ' };

describe('the sign-in code message', () => {
  it('gives the code, how long it works and the temple as facts after glossary terms', () => {
    for (const language of ['en', 'kn'] as const) {
      const { body, variables } = renderSignInCodeMessage(fields, language);
      const term = (name: keyof typeof glossary) => glossary[name][language];
      expect(body).toContain(`\n${term('signInCode')}: 042917\n`);
      expect(body).toContain(`\n${term('temple')}: ಶ್ರೀ ಗುರು ಮಠ\n`);
      expect(body).toMatch(new RegExp(`\\n${term('validFor')}: 10 ${term('minutes')}$`));
      expect(variables).toEqual({ '1': '042917', '2': '10', '3': 'ಶ್ರೀ ಗುರು ಮಠ' });
    }
  });

  it('warns before the digits that the code is not to be shared', () => {
    const en = renderSignInCodeMessage(fields, 'en').body;
    expect(en.indexOf('Do not share it')).toBeLessThan(en.indexOf('042917'));
    const kn = renderSignInCodeMessage(fields, 'kn').body;
    expect(kn.indexOf('ಯಾರಿಗೂ ಹೇಳಬೇಡಿ')).toBeLessThan(kn.indexOf('042917'));
    // Kannada: no case ending stands after a value.
    expect(kn).not.toMatch(/ (ಕ್ಕೆ|ಗೆ|ರ|ಗಾಗಿ|ನಲ್ಲಿ|ಅನ್ನು|ರಂದು)[\s.,]/);
  });

  it('falls back to English for a language without its own words', () => {
    expect(renderSignInCodeMessage(fields, 'hi').language).toBe('en');
  });
});
