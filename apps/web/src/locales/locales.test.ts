import { glossary } from '@sevabook/shared';
import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { kn } from './kn.ts';

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Array<[string, string]> {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string'
      ? [[`${prefix}${key}`, value] as [string, string]]
      : leaves(value, `${prefix}${key}.`),
  );
}

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('the Kannada messages', () => {
  const english = new Map(leaves(en));
  const kannada = new Map(leaves(kn));

  it('have every English key and no other', () => {
    expect([...kannada.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it('are all written (no blanks, no English left behind)', () => {
    for (const [key, text] of kannada) {
      expect(text.trim(), key).not.toBe('');
      expect(
        /[\u0C80-\u0CFF]/.test(text) || /^[\d{}\s,.:]+$/.test(text.replace(/\{\{\w+\}\}/g, '')),
        key,
      ).toBe(true);
    }
  });

  it('use the same {{placeholders}} as the English', () => {
    for (const [key, text] of english) {
      expect(placeholders(kannada.get(key) ?? ''), key).toEqual(placeholders(text));
    }
  });
});

describe('the Kannada sentences', () => {
  it('never put a case ending on a {{placeholder}}: a name, date or time stands after a term', () => {
    // "{{time}} ಕ್ಕೆ", "{{phone}} ಗೆ", "{{date}} ರಂದು" read as seams where the value joins.
    const seam = /\}\}\s*(ಕ್ಕೆ|ಗೆ|ರ|ರಂದು|ರವರೆಗೆ|ರಿಂದ|ನಲ್ಲಿ|ಅನ್ನು|ಗಾಗಿ)(?=[\s.,)]|$)/;
    for (const [key, text] of leaves(kn)) expect(text, key).not.toMatch(seam);
  });
});

describe('the site’s terms', () => {
  it('are the glossary’s, the words the WhatsApp messages use too', () => {
    for (const [language, messages] of [
      ['en', en],
      ['kn', kn],
    ] as const) {
      expect(messages.confirmation.reference).toBe(glossary.bookingNumber[language]);
      expect(messages.confirmation.manage).toBe(glossary.manage[language]);
      expect(messages.booking).toMatchObject({
        seva: glossary.seva[language],
        date: glossary.date[language],
        time: glossary.time[language],
        persons: glossary.persons[language],
        fee: glossary.feeAtCounter[language],
      });
    }
  });
});
