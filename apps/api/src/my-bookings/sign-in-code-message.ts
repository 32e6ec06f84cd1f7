import { glossary } from '@sevabook/shared';
import type { Language } from '../generated/prisma/client.ts';
import type { RenderedMessage } from '../notifications/render-message.ts';

/**
 * The WhatsApp message that carries a "my bookings" sign-in code, in English or Kannada.
 * As in every message (docs/decisions/0017-words-devotees-read.md): a greeting and whole
 * sentences, then the facts one to a line as "term: value", terms from the glossary, so no
 * value ever takes a Kannada case ending. The warning not to share the code comes first: a
 * devotee asked for it on the telephone by a stranger should read that before the digits.
 *
 * Template variables, for a temple that sends it through an approved WhatsApp authentication
 * template: {{1}} the code, {{2}} minutes it is valid for, {{3}} temple name.
 */

type TextLanguage = 'en' | 'kn';

const sentences: Record<TextLanguage, { greeting: string; purpose: string; warning: string }> = {
  en: {
    greeting: '🙏 Namaskara.',
    purpose: 'Here is the code to see your seva bookings.',
    warning: 'Do not share it with anyone. Temple staff will never ask you for it.',
  },
  kn: {
    greeting: '🙏 ನಮಸ್ಕಾರ.',
    purpose: 'ನಿಮ್ಮ ಸೇವಾ ಬುಕಿಂಗ್‌ಗಳನ್ನು ನೋಡಲು ಈ ಕೋಡ್ ಬಳಸಿ.',
    warning: 'ಇದನ್ನು ಯಾರಿಗೂ ಹೇಳಬೇಡಿ. ದೇವಸ್ಥಾನದ ಸಿಬ್ಬಂದಿ ಇದನ್ನು ಎಂದೂ ಕೇಳುವುದಿಲ್ಲ.',
  },
};

export interface SignInCodeFields {
  code: string;
  validMinutes: number;
  templeName: string;
}

export function renderSignInCodeMessage(
  fields: SignInCodeFields,
  language: Language,
): RenderedMessage {
  const lang: TextLanguage = language === 'kn' ? 'kn' : 'en';
  const words = sentences[lang];
  const term = (name: keyof typeof glossary) => glossary[name][lang];
  const body = [
    `${words.greeting} ${words.purpose}`,
    words.warning,
    '',
    `${term('temple')}: ${fields.templeName}`,
    `${term('signInCode')}: ${fields.code}`,
    `${term('validFor')}: ${fields.validMinutes} ${term('minutes')}`,
  ].join('\n');
  return {
    language: lang,
    body,
    variables: {
      '1': fields.code,
      '2': String(fields.validMinutes),
      '3': fields.templeName,
    },
  };
}
