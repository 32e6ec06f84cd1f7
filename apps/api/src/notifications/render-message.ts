import type {
  Booking,
  Language,
  NotificationKind,
  Seva,
  Slot,
} from '../generated/prisma/client.ts';

/**
 * What a devotee reads on WhatsApp, in their own language. Dates and times are always in the
 * temple's time zone (Intl with `timeZone`), whatever the server's TZ.
 *
 * The same fields are handed to WhatsApp Content templates as numbered variables, so an
 * approved template and the plain body say the same thing:
 *   {{1}} devotee name, {{2}} seva, {{3}} date, {{4}} time, {{5}} reference, {{6}} manage link,
 *   {{7}} temple name.
 */

export type BookingForMessage = Booking & { slot: Slot & { seva: Seva } };

interface MessageFields {
  devoteeName: string;
  sevaName: string;
  date: string;
  time: string;
  reference: string;
  manageUrl: string;
  templeName: string;
  persons: number;
  /** Set when the temple cancelled (staff, an API client): why, or null when none was given. */
  templeCancelled: { reason: string | null } | null;
  /** Where to book another date of the same seva. */
  bookUrl: string;
}

export interface RenderedMessage {
  language: Language;
  body: string;
  /** WhatsApp Content template variables ({{1}} … {{7}}), as Twilio's contentVariables wants them. */
  variables: Record<string, string>;
}

export interface RenderContext {
  timeZone: string;
  templeName: string;
  manageUrl: (reference: string) => string;
  /** The devotee site's page of one seva, where another date can be booked. */
  sevaUrl: (sevaId: number) => string;
}

type Texts = Record<NotificationKind, (f: MessageFields) => string>;

const english: Texts = {
  confirmation: (f) =>
    `🙏 Namaskara ${f.devoteeName}. Your ${f.sevaName} at ${f.templeName} is confirmed for ` +
    `${f.date} at ${f.time} (${persons(f.persons)}).\n` +
    `Reference: ${f.reference}\nView or cancel: ${f.manageUrl}`,
  cancellation: (f) =>
    f.templeCancelled
      ? `🙏 Namaskara ${f.devoteeName}. ${f.templeName} has had to cancel your booking ` +
        `${f.reference} for ${f.sevaName} on ${f.date} at ${f.time}` +
        `${f.templeCancelled.reason ? `: ${f.templeCancelled.reason}` : '.'}\n` +
        `We are sorry for the trouble. Book another date: ${f.bookUrl}\nDetails: ${f.manageUrl}`
      : `🙏 Namaskara ${f.devoteeName}. Your booking ${f.reference} for ${f.sevaName} on ` +
        `${f.date} at ${f.time} has been cancelled.\nDetails: ${f.manageUrl}`,
  change: (f) =>
    `🙏 Namaskara ${f.devoteeName}. Your booking ${f.reference} has changed: ${f.sevaName} on ` +
    `${f.date} at ${f.time} (${persons(f.persons)}).\nView or cancel: ${f.manageUrl}`,
  reminder: (f) =>
    `🙏 Namaskara ${f.devoteeName}. A reminder: your ${f.sevaName} at ${f.templeName} is on ` +
    `${f.date} at ${f.time}.\nReference: ${f.reference}\nView or cancel: ${f.manageUrl}`,
};

const kannada: Texts = {
  confirmation: (f) =>
    `🙏 ನಮಸ್ಕಾರ ${f.devoteeName}. ${f.templeName} ನಲ್ಲಿ ನಿಮ್ಮ ${f.sevaName} ${f.date}, ${f.time} ಕ್ಕೆ ` +
    `ದೃಢಪಟ್ಟಿದೆ (${f.persons} ಜನ).\n` +
    `ಉಲ್ಲೇಖ ಸಂಖ್ಯೆ: ${f.reference}\nನೋಡಲು ಅಥವಾ ರದ್ದುಗೊಳಿಸಲು: ${f.manageUrl}`,
  cancellation: (f) =>
    f.templeCancelled
      ? `🙏 ನಮಸ್ಕಾರ ${f.devoteeName}. ${f.date}, ${f.time} ರ ${f.sevaName} ಗಾಗಿ ನಿಮ್ಮ ಬುಕಿಂಗ್ ` +
        `${f.reference} ಅನ್ನು ${f.templeName} ರದ್ದುಗೊಳಿಸಬೇಕಾಯಿತು` +
        `${f.templeCancelled.reason ? `: ${f.templeCancelled.reason}` : '.'}\n` +
        `ತೊಂದರೆಗಾಗಿ ಕ್ಷಮಿಸಿ. ಬೇರೆ ದಿನಾಂಕವನ್ನು ಬುಕ್ ಮಾಡಲು: ${f.bookUrl}\nವಿವರಗಳು: ${f.manageUrl}`
      : `🙏 ನಮಸ್ಕಾರ ${f.devoteeName}. ${f.date}, ${f.time} ರ ${f.sevaName} ಗಾಗಿ ನಿಮ್ಮ ಬುಕಿಂಗ್ ` +
        `${f.reference} ರದ್ದಾಗಿದೆ.\nವಿವರಗಳು: ${f.manageUrl}`,
  change: (f) =>
    `🙏 ನಮಸ್ಕಾರ ${f.devoteeName}. ನಿಮ್ಮ ಬುಕಿಂಗ್ ${f.reference} ಬದಲಾಗಿದೆ: ${f.sevaName}, ` +
    `${f.date}, ${f.time} (${f.persons} ಜನ).\nನೋಡಲು ಅಥವಾ ರದ್ದುಗೊಳಿಸಲು: ${f.manageUrl}`,
  reminder: (f) =>
    `🙏 ನಮಸ್ಕಾರ ${f.devoteeName}. ನೆನಪಿಗಾಗಿ: ${f.templeName} ನಲ್ಲಿ ನಿಮ್ಮ ${f.sevaName} ${f.date}, ` +
    `${f.time} ಕ್ಕೆ ಇದೆ.\nಉಲ್ಲೇಖ ಸಂಖ್ಯೆ: ${f.reference}\nನೋಡಲು ಅಥವಾ ರದ್ದುಗೊಳಿಸಲು: ${f.manageUrl}`,
};

function persons(n: number): string {
  return n === 1 ? '1 person' : `${n} persons`;
}

/** Languages with their own message texts; the others read English until translated. */
const textsByLanguage: Partial<Record<Language, Texts>> = { en: english, kn: kannada };

/** Intl locales for dates: Indian English and Kannada as written in Karnataka. */
const locales: Record<Language, string> = { en: 'en-IN', kn: 'kn-IN', hi: 'hi-IN', te: 'te-IN' };

function sevaNameIn(seva: Seva, language: Language): string {
  const names: Record<Language, string | null> = {
    en: seva.nameEn,
    kn: seva.nameKn,
    hi: seva.nameHi,
    te: seva.nameTe,
  };
  return names[language] ?? seva.nameEn;
}

function messageFields(booking: BookingForMessage, ctx: RenderContext): MessageFields {
  const language = textLanguage(booking.language);
  const locale = locales[language];
  const startsAt = booking.slot.startsAt;
  return {
    devoteeName: booking.devoteeName,
    sevaName: sevaNameIn(booking.slot.seva, language),
    date: new Intl.DateTimeFormat(locale, {
      timeZone: ctx.timeZone,
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
    }).format(startsAt),
    time: new Intl.DateTimeFormat(locale, {
      timeZone: ctx.timeZone,
      hour: 'numeric',
      minute: '2-digit',
      // "6:00 ಬೆಳಗ್ಗೆ" (morning) reads better in Kannada than "6:00 AM".
      ...(language === 'kn' ? { dayPeriod: 'long' as const } : {}),
    }).format(startsAt),
    reference: booking.reference,
    manageUrl: ctx.manageUrl(booking.reference),
    templeName: ctx.templeName,
    persons: booking.persons,
    // A devotee whose booking went with a slot or date the temple closed is owed the reason,
    // an apology and a way to another date. One who cancelled (or asked the office to) knows why.
    templeCancelled:
      booking.status === 'cancelled' &&
      booking.cancelledBy !== 'devotee' &&
      booking.slot.status !== 'open'
        ? { reason: booking.cancelReason }
        : null,
    bookUrl: ctx.sevaUrl(booking.slot.sevaId),
  };
}

/** The language the message is written in: the devotee's, when Sevabook has texts for it. */
function textLanguage(language: Language): Language {
  return textsByLanguage[language] ? language : 'en';
}

export function renderMessage(
  kind: NotificationKind,
  booking: BookingForMessage,
  ctx: RenderContext,
): RenderedMessage {
  const language = textLanguage(booking.language);
  const fields = messageFields(booking, ctx);
  const texts = textsByLanguage[language] ?? english;
  return {
    language,
    body: texts[kind](fields),
    variables: {
      '1': fields.devoteeName,
      '2': fields.sevaName,
      '3': fields.date,
      '4': fields.time,
      '5': fields.reference,
      '6': fields.manageUrl,
      '7': fields.templeName,
    },
  };
}
