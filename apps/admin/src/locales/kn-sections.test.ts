import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { kn } from './kn.ts';

type Tree = { readonly [key: string]: string | Tree };

/** Every message of a section as [path, text]. */
function leaves(tree: Tree, prefix = ''): Array<[string, string]> {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [[`${prefix}${key}`, value]] : leaves(value, `${prefix}${key}.`),
  );
}

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('Kannada messages', () => {
  for (const section of Object.keys(kn) as Array<keyof typeof kn>) {
    it(`has every ${section} message of the English, in Kannada, with the same blanks`, () => {
      const english = new Map(leaves(en[section]));
      const kannada = leaves(kn[section]);
      expect(kannada.map(([path]) => path).sort()).toEqual([...english.keys()].sort());
      for (const [path, text] of kannada) {
        expect(placeholders(text), path).toEqual(placeholders(english.get(path)!));
        // Written in Kannada, not left in English: a Kannada letter in every message of two or
        // more words (a single word may be a name kept as it is, like WhatsApp).
        if (/[A-Za-z]{2,}\s+[A-Za-z]{2,}/.test(english.get(path)!.replace(/\{\{\w+\}\}/g, '')))
          expect(/[\u0C80-\u0CFF]/.test(text), `${path}: ${text}`).toBe(true);
      }
    });
  }
});
