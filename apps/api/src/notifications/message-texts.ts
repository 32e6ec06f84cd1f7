import { glossary, type GlossaryTerm } from '@sevabook/shared';
import type { NotificationKind } from '../generated/prisma/client.ts';

/**
 * The words of each WhatsApp message, in English and Kannada.
 *
 * A message is a short greeting in whole sentences, then the booking's facts one to a line as
 * "term: value". Kannada joins a case ending to the word before it ("ಸಮಯಕ್ಕೆ", "ಸೇವೆಗಾಗಿ");
 * a seva's name, a date or a time put there reads as a seam ("8:30 ಬೆಳಗ್ಗೆ ಕ್ಕೆ"), so no
 * sentence here ends a value with one: values stand alone after a term. The terms come from
 * the glossary the site uses too, so both say "ಬುಕಿಂಗ್ ಸಂಖ್ಯೆ" for the same thing.
 */
export type TextLanguage = 'en' | 'kn';

export interface MessageFields {
  devoteeName: string;
  sevaName: string;
  date: string;
  time: string;
  reference: string;
  manageUrl: string;
  templeName: string;
  persons: number;
  /** The fee for all persons, as money; null when the seva is free. */
  fee: string | null;
  /** When to be at the temple, as a time; null when the seva asks nothing particular. */
  arriveBy: string | null;
  /** What to bring or wear, in the message's language; null when nothing is asked. */
  bring: string | null;
  templeAddress: string | null;
  templeMapUrl: string | null;
  /** Set when the temple cancelled (staff, an API client): why, or null when none was given. */
  templeCancelled: { reason: string | null } | null;
  /** Where to book another date of the same seva. */
  bookUrl: string;
  /** Places offered from the waiting list: until when they are held, and where to accept. */
  offer?: { until: string; acceptUrl: string } | null;
  /** Of a cancelled booking that was paid for: its refund, or none under the policy. */
  refund: RefundNote;
  /** Paid (online or at the counter): the amount and its receipt number; else null. */
  paid?: { amount: string; receipt: string | null } | null;
  /** A late payment being given back (late_payment_refund): the amount. */
  lateRefund?: string | null;
}

/**
 * online: refunded through Razorpay to the devotee's account; paid_out: handed back at the
 * counter already; at_counter: to collect at the counter; none: the refund policy gives none.
 * null: nothing was paid, nothing to say.
 */
export type RefundNote =
  { kind: 'online' | 'paid_out' | 'at_counter'; amount: string } | { kind: 'none' } | null;

type Sentences = Record<
  | NotificationKind
  | 'templeCancellation'
  | 'greeting'
  | 'apology'
  | 'refundOnline'
  | 'refundPaidOut'
  | 'refundAtCounter'
  | 'noRefund',
  (f: MessageFields) => string
>;

const sentences: Record<TextLanguage, Sentences> = {
  en: {
    greeting: (f) => `🙏 Namaskara ${f.devoteeName}.`,
    confirmation: (f) => `Your seva at ${f.templeName} is confirmed.`,
    reminder: (f) => `A reminder of your seva at ${f.templeName}, coming up soon.`,
    change: () => 'Your booking has changed. It now reads:',
    cancellation: () => 'Your booking has been cancelled.',
    templeCancellation: (f) => `${f.templeName} has had to cancel your booking.`,
    apology: () => 'We are sorry for the trouble.',
    late_payment_refund: () =>
      'Your payment reached us after the time to pay had run out, and the place held for you had already gone to another devotee, so this seva is not booked. The full amount is being refunded to the account you paid from; it may take 5 to 7 working days to reach you.',
    waitlist_offer: (f) =>
      `Places have opened for you from the waiting list at ${f.templeName}. They are held for you for a short time; if you do not accept them by then, they go to the next devotee waiting.`,
    refundOnline: () =>
      'The full amount is being refunded to the account you paid from. It may take 5 to 7 working days to reach you.',
    refundPaidOut: () => 'The amount you paid has been handed back to you at the temple counter.',
    refundAtCounter: () => 'Please collect your refund at the temple counter.',
    noRefund: () =>
      'Under the temple’s refund policy, no refund is given for a booking cancelled this close to the seva.',
  },
  kn: {
    greeting: (f) => `🙏 ನಮಸ್ಕಾರ, ${f.devoteeName}.`,
    confirmation: () => 'ನಿಮ್ಮ ಸೇವೆಯ ಬುಕಿಂಗ್ ದೃಢಪಟ್ಟಿದೆ.',
    reminder: () => 'ನಿಮ್ಮ ಸೇವೆಯ ದಿನ ಹತ್ತಿರ ಬಂದಿದೆ. ಇದು ನೆನಪಿಗಾಗಿ.',
    change: () => 'ನಿಮ್ಮ ಬುಕಿಂಗ್ ಬದಲಾಗಿದೆ. ಈಗಿನ ವಿವರಗಳು:',
    cancellation: () => 'ನಿಮ್ಮ ಬುಕಿಂಗ್ ರದ್ದಾಗಿದೆ.',
    templeCancellation: () => 'ಕ್ಷಮಿಸಿ, ದೇವಸ್ಥಾನವು ನಿಮ್ಮ ಬುಕಿಂಗ್ ರದ್ದುಮಾಡಬೇಕಾಯಿತು.',
    apology: () => 'ತೊಂದರೆಗಾಗಿ ಕ್ಷಮಿಸಿ.',
    late_payment_refund: () =>
      'ಪಾವತಿಯ ಸಮಯ ಮುಗಿದ ನಂತರ ನಿಮ್ಮ ಪಾವತಿ ನಮಗೆ ತಲುಪಿತು. ಅಷ್ಟರಲ್ಲಿ ನಿಮಗಾಗಿ ಕಾಯ್ದಿರಿಸಿದ ಸ್ಥಳ ಬೇರೆ ಭಕ್ತರಿಗೆ ಹೋಗಿತ್ತು, ಆದ್ದರಿಂದ ಈ ಸೇವೆ ಬುಕ್ ಆಗಿಲ್ಲ. ಪೂರ್ತಿ ಮೊತ್ತವನ್ನು ನೀವು ಪಾವತಿಸಿದ ಖಾತೆಗೆ ಹಿಂದಿರುಗಿಸಲಾಗುತ್ತಿದೆ; ಅದು ತಲುಪಲು 5 ರಿಂದ 7 ಕೆಲಸದ ದಿನಗಳು ಬೇಕಾಗಬಹುದು.',
    waitlist_offer: () =>
      'ಕಾಯುವ ಪಟ್ಟಿಯಿಂದ ನಿಮಗೆ ಸ್ಥಳ ದೊರೆತಿದೆ. ಇದನ್ನು ಸ್ವಲ್ಪ ಸಮಯ ನಿಮಗಾಗಿ ಕಾಯ್ದಿರಿಸಲಾಗಿದೆ; ಅಷ್ಟರೊಳಗೆ ಸ್ವೀಕರಿಸದಿದ್ದರೆ, ಕಾಯುತ್ತಿರುವ ಮುಂದಿನ ಭಕ್ತರಿಗೆ ಹೋಗುತ್ತದೆ.',
    refundOnline: () =>
      'ಪೂರ್ತಿ ಮೊತ್ತವನ್ನು ನೀವು ಪಾವತಿಸಿದ ಖಾತೆಗೆ ಹಿಂದಿರುಗಿಸಲಾಗುತ್ತಿದೆ. ಅದು ತಲುಪಲು 5 ರಿಂದ 7 ಕೆಲಸದ ದಿನಗಳು ಬೇಕಾಗಬಹುದು.',
    refundPaidOut: () => 'ನೀವು ಪಾವತಿಸಿದ ಮೊತ್ತವನ್ನು ದೇವಸ್ಥಾನದ ಕೌಂಟರ್‌ನಲ್ಲಿ ನಿಮಗೆ ಹಿಂದಿರುಗಿಸಲಾಗಿದೆ.',
    refundAtCounter: () => 'ದಯವಿಟ್ಟು ನಿಮ್ಮ ಮರುಪಾವತಿಯನ್ನು ದೇವಸ್ಥಾನದ ಕೌಂಟರ್‌ನಲ್ಲಿ ಪಡೆದುಕೊಳ್ಳಿ.',
    noRefund: () =>
      'ದೇವಸ್ಥಾನದ ಮರುಪಾವತಿ ನಿಯಮದಂತೆ, ಸೇವೆಯ ಸಮಯಕ್ಕೆ ಇಷ್ಟು ಹತ್ತಿರದಲ್ಲಿ ರದ್ದುಮಾಡಿದ ಬುಕಿಂಗ್‌ಗೆ ಮರುಪಾವತಿ ಇಲ್ಲ.',
  },
};

/** "term: value", or nothing when there is no value. */
function line(language: TextLanguage, term: GlossaryTerm, value: string | null): string[] {
  return value ? [`${glossary[term][language]}: ${value}`] : [];
}

/** The booking's facts, one to a line, in the order a devotee needs them. */
function facts(language: TextLanguage, f: MessageFields, { visit }: { visit: boolean }): string[] {
  return [
    ...line(language, 'seva', f.sevaName),
    ...line(language, 'date', f.date),
    ...line(language, 'time', f.time),
    ...line(language, 'persons', String(f.persons)),
    ...line(language, 'bookingNumber', f.reference),
    // What the devotee needs on the day, where they are going to come.
    ...(visit
      ? [
          ...line(language, 'arrive', f.arriveBy),
          ...line(language, 'bring', f.bring),
          // Paid: the amount and its receipt number; not yet: the fee to pay at the counter.
          ...(f.paid
            ? [
                ...line(language, 'feePaid', f.paid.amount),
                ...line(language, 'receiptNumber', f.paid.receipt),
              ]
            : line(language, 'feeAtCounter', f.fee)),
          ...line(language, 'temple', f.templeName),
          ...line(language, 'address', f.templeAddress),
          ...line(language, 'map', f.templeMapUrl),
        ]
      : []),
  ];
}

export function messageText(
  kind: NotificationKind,
  language: TextLanguage,
  f: MessageFields,
): string {
  const say = sentences[language];
  const lines: string[] = [say.greeting(f)];
  if (kind === 'cancellation' && f.templeCancelled) {
    lines.push(say.templeCancellation(f), ...facts(language, f, { visit: false }));
    lines.push(...line(language, 'reason', f.templeCancelled.reason));
    lines.push(...refundLines(language, f));
    lines.push(say.apology(f), ...line(language, 'bookAnotherDate', f.bookUrl));
    lines.push(...line(language, 'details', f.manageUrl));
  } else if (kind === 'cancellation') {
    lines.push(say.cancellation(f), ...facts(language, f, { visit: false }));
    lines.push(...refundLines(language, f));
    lines.push(...line(language, 'details', f.manageUrl));
  } else if (kind === 'late_payment_refund') {
    lines.push(say.late_payment_refund(f), ...facts(language, f, { visit: false }));
    lines.push(...line(language, 'refund', f.lateRefund ?? null));
    lines.push(...line(language, 'bookAnotherDate', f.bookUrl));
  } else if (kind === 'waitlist_offer') {
    lines.push(say.waitlist_offer(f), ...facts(language, f, { visit: false }));
    lines.push(...line(language, 'heldUntil', f.offer?.until ?? null));
    lines.push(...line(language, 'acceptPlaces', f.offer?.acceptUrl ?? null));
  } else {
    lines.push(say[kind](f), ...facts(language, f, { visit: true }));
    lines.push(...line(language, 'manage', f.manageUrl));
  }
  return lines.join('\n');
}

/** The refund of a cancelled booking: one sentence, then the amount as a fact. */
function refundLines(language: TextLanguage, f: MessageFields): string[] {
  const say = sentences[language];
  const { refund } = f;
  if (!refund) return [];
  if (refund.kind === 'none') return [say.noRefund(f)];
  const sentence = {
    online: say.refundOnline,
    paid_out: say.refundPaidOut,
    at_counter: say.refundAtCounter,
  }[refund.kind];
  return [sentence(f), ...line(language, 'refund', refund.amount)];
}
