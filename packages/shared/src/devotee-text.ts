import { z } from 'zod';

/**
 * What a devotee (or staff on their behalf) may type into a name, a gotra or a reason. These
 * words travel on: into WhatsApp messages, the priests' day sheet and staff screens. So a name is
 * letters in any script with their marks (Kannada vowel signs and viramas are marks, not
 * letters), spaces and `. ' -`; nothing that can start a new line, turn into a link, reorder the
 * text around it (bidi controls) or break a UTF-8 encoder (a lone UTF-16 surrogate).
 *
 * The messages are stable: the sites key their own translated sentences on them.
 */
export const devoteeTextMessages = {
  nameCharacters: "Use only letters, spaces and . ' - (no digits, symbols or line breaks)",
  freeTextCharacters: 'Remove line breaks, tabs and other control characters',
  dotBeforeWord: 'Leave a space after a dot: text like “example.com” would become a link',
  link: 'Links are not accepted here',
} as const;

// ZWNJ and ZWJ (U+200C, U+200D) are how Kannada and Devanagari writers choose a conjunct's shape
// (ಕೌಂಟರ್‌ನಲ್ಲಿ); they are invisible format characters but belong to the word. The typographic
// apostrophe is what phone keyboards type for '.
const NAME_CHARACTERS = /^(?:[\p{L}\p{M} .'’-]|\u200C|\u200D)*$/u;
// Free text (a cancellation reason) may also hold digits, punctuation and symbols (₹, emoji),
// but no control, format (bidi), separator-other-than-space or unpaired surrogate code point.
const FREE_TEXT_CHARACTERS = /^(?:[\p{L}\p{M}\p{N}\p{P}\p{S} ]|\u200C|\u200D)*$/u;
/**
 * A dot directly followed by a word of two or more letters: `example.com`, `x.co`, an
 * internationalised `ಉದಾಹರಣೆ.ಭಾರತ`. Every top-level domain has at least two letters, so this
 * catches any domain WhatsApp could turn into a link, while initials (`K.S. Rao`) and numbers
 * (`500.50`) stay as typed.
 */
const DOT_BEFORE_WORD = /\.(?=\p{L})(?!\p{L}\p{M}*(?![\p{L}\p{M}]))/u;
const SCHEME = /:\/\/|\bwww\./iu;

function refineText(kind: 'name' | 'free') {
  return (value: string, ctx: z.RefinementCtx) => {
    const characters = kind === 'name' ? NAME_CHARACTERS : FREE_TEXT_CHARACTERS;
    if (!characters.test(value)) {
      const message =
        kind === 'name'
          ? devoteeTextMessages.nameCharacters
          : devoteeTextMessages.freeTextCharacters;
      ctx.addIssue({ code: 'custom', message });
    } else if (SCHEME.test(value)) {
      ctx.addIssue({ code: 'custom', message: devoteeTextMessages.link });
    } else if (DOT_BEFORE_WORD.test(value)) {
      ctx.addIssue({ code: 'custom', message: devoteeTextMessages.dotBeforeWord });
    }
  };
}

/**
 * Trims, checks length, then checks the characters. NFC first, so a name typed with a
 * decomposed accent on one phone is stored and searched as the same name typed on another.
 */
function textSchema(kind: 'name' | 'free', min: number, max: number, tooShort?: string) {
  return z
    .string()
    .trim()
    .normalize('NFC')
    .min(min, tooShort)
    .max(max)
    .superRefine(refineText(kind));
}

/** A devotee's name, as booked: Lakshmi Rao, ಲಕ್ಷ್ಮೀ ರಾವ್, लक्ष्मी राव, Zoë D’Souza. */
export const devoteeNameSchema = textSchema('name', 2, 120, 'Enter the devotee’s name').describe(
  "Letters and marks of any script, spaces and . ' -; no digits, line breaks or links",
);

/** A gotra as typed: same characters as a name; empty means "not given". */
export const gotraSchema = textSchema('name', 0, 80).describe(
  "Letters and marks of any script, spaces and . ' -; empty for none",
);

/** A short free-text note, such as why a booking or a slot is cancelled. */
export const freeTextSchema = (max: number, min = 0) =>
  textSchema('free', min, max).describe('Printable text on one line, without links');

/** True when a validation message is one of the character rules above (the sites translate it). */
export function isDevoteeTextMessage(message: string | undefined): boolean {
  return Object.values(devoteeTextMessages).some((m) => m === message);
}
