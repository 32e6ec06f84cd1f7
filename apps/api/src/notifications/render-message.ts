import type {
  Booking,
  Language,
  NotificationKind,
  Payment,
  Receipt,
  Refund,
  Seva,
  Slot,
} from '../generated/prisma/client.ts';
import { formatReceiptNumber } from '../payments/receipts.ts';
import { messageText, type MessageFields, type RefundNote } from './message-texts.ts';

/**
 * What a devotee reads on WhatsApp, in their own language. Dates and times are always in the
 * temple's time zone (Intl with `timeZone`), whatever the server's TZ.
 *
 * The same fields are handed to WhatsApp Content templates as numbered variables, so an
 * approved template and the plain body say the same thing:
 *   {{1}} devotee name, {{2}} seva, {{3}} date, {{4}} time, {{5}} reference, {{6}} manage link,
 *   {{7}} temple name.
 */

export type BookingForMessage = Booking & {
  slot: Slot & { seva: Seva };
  /** Newest first; left out, the message says nothing of money paid. */
  payments?: (Payment & { receipt: Receipt | null; refund: Refund | null })[];
};

export interface RenderedMessage {
  language: Language;
  body: string;
  /** WhatsApp Content template variables ({{1}} … {{7}}), as Twilio's contentVariables wants them. */
  variables: Record<string, string>;
}

export interface RenderContext {
  timeZone: string;
  templeName: string;
  /** The manage link, opening the site in the booking's language. */
  manageUrl: (reference: string, language: Language) => string;
  /** Where the temple is, for devotees coming for the first time; null when not configured. */
  templeAddress: string | null;
  templeMapUrl: string | null;
  /** The devotee site's page of one seva, where another date can be booked. */
  sevaUrl: (sevaId: number) => string;
  /** Receipts read {receiptPrefix}/2026-27/000123 (RECEIPT_PREFIX); default SB. */
  receiptPrefix?: string;
  /** A waiting list entry's page, where its devotee accepts the places offered. */
  waitlistUrl?: (entryId: number, language: Language) => string;
}

/** Languages with their own message texts; the others read English until translated. */
const textLanguages: readonly Language[] = ['en', 'kn'];

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
  const seva = booking.slot.seva;
  const timeFormat = new Intl.DateTimeFormat(locale, {
    timeZone: ctx.timeZone,
    hour: 'numeric',
    minute: '2-digit',
    // "6:00 ಬೆಳಗ್ಗೆ" (morning) reads better in Kannada than "6:00 AM".
    ...(language === 'kn' ? { dayPeriod: 'long' as const } : {}),
  });
  const money = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: 'INR',
    minimumFractionDigits: 0,
    maximumFractionDigits: 2,
  });
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
    time: timeFormat.format(startsAt),
    reference: booking.reference,
    manageUrl: ctx.manageUrl(booking.reference, language),
    templeName: ctx.templeName,
    persons: booking.persons,
    // What the booking was made at, whatever the seva's fee is now.
    fee: booking.feePaise === 0 ? null : money.format(booking.feePaise / 100),
    arriveBy:
      seva.arriveMinutesBefore > 0
        ? timeFormat.format(new Date(startsAt.getTime() - seva.arriveMinutesBefore * 60_000))
        : null,
    bring: (language === 'kn' ? seva.bringNoteKn : seva.bringNoteEn) ?? null,
    templeAddress: ctx.templeAddress,
    templeMapUrl: ctx.templeMapUrl,
    // A devotee whose booking went with a slot or date the temple closed is owed the reason,
    // an apology and a way to another date. One who cancelled (or asked the office to) knows why.
    templeCancelled:
      booking.status === 'cancelled' &&
      booking.cancelledBy !== 'devotee' &&
      booking.slot.status !== 'open'
        ? { reason: booking.cancelReason }
        : null,
    bookUrl: ctx.sevaUrl(booking.slot.sevaId),
    offer:
      booking.waitlistEntryId !== null && booking.holdExpiresAt && ctx.waitlistUrl
        ? {
            until: `${timeFormat.format(booking.holdExpiresAt)}, ${new Intl.DateTimeFormat(locale, { timeZone: ctx.timeZone, day: 'numeric', month: 'long' }).format(booking.holdExpiresAt)}`,
            acceptUrl: ctx.waitlistUrl(booking.waitlistEntryId, language),
          }
        : null,
    refund: refundNote(booking, (paise) => money.format(paise / 100)),
    ...paidNote(booking, ctx.receiptPrefix ?? 'SB', (paise) => money.format(paise / 100)),
  };
}

/** The payment a booking stands on (amount, receipt number), and a late payment given back. */
function paidNote(
  booking: BookingForMessage,
  receiptPrefix: string,
  money: (paise: number) => string,
): Pick<MessageFields, 'paid' | 'lateRefund'> {
  const kept = booking.payments?.find((p) => p.status === 'captured');
  const late = booking.payments?.find((p) => p.refund?.reason === 'late_payment')?.refund;
  return {
    paid: kept
      ? {
          amount: money(kept.amountPaise),
          receipt: kept.receipt
            ? formatReceiptNumber(receiptPrefix, kept.receipt.financialYear, kept.receipt.number)
            : null,
        }
      : null,
    lateRefund: late ? money(late.amountPaise) : null,
  };
}

/**
 * What a cancellation says of the money paid: the refund and how it reaches the devotee, or
 * that the refund policy gives none. Nothing when nothing was paid.
 */
function refundNote(booking: BookingForMessage, money: (paise: number) => string): RefundNote {
  const paid = booking.payments?.find(
    (p) => p.refund?.reason === 'cancelled' || p.status === 'captured',
  );
  if (!paid) return null;
  const { refund } = paid;
  if (!refund) return { kind: 'none' };
  const amount = money(refund.amountPaise);
  if (refund.method === 'razorpay') return { kind: 'online', amount };
  return { kind: refund.status === 'processed' ? 'paid_out' : 'at_counter', amount };
}

/** The language the message is written in: the devotee's, when Sevabook has texts for it. */
function textLanguage(language: Language): Language {
  return textLanguages.includes(language) ? language : 'en';
}

export function renderMessage(
  kind: NotificationKind,
  booking: BookingForMessage,
  ctx: RenderContext,
): RenderedMessage {
  const language = textLanguage(booking.language);
  const fields = messageFields(booking, ctx);
  return {
    language,
    body: messageText(kind, language === 'kn' ? 'kn' : 'en', fields),
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
