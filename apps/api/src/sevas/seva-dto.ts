import type { Seva as SevaDto } from '@sevabook/shared';
import type { Seva } from '../generated/prisma/client.ts';

export function sevaName(seva: Seva): SevaDto['name'] {
  return { en: seva.nameEn, kn: seva.nameKn, hi: seva.nameHi, te: seva.nameTe };
}

/**
 * `onlinePayment`: whether the temple takes payments online (RAZORPAY_KEY_ID); without it every
 * seva is shown, and paid, as at the counter.
 */
export function toSevaDto(seva: Seva, nextOpenDates: string[], onlinePayment = false): SevaDto {
  return {
    id: seva.id,
    slug: seva.slug,
    name: sevaName(seva),
    description: {
      en: seva.descriptionEn,
      kn: seva.descriptionKn,
      hi: seva.descriptionHi,
      te: seva.descriptionTe,
    },
    durationMinutes: seva.durationMinutes,
    feePaise: seva.feePaise,
    defaultCapacity: seva.defaultCapacity,
    maxPersonsPerBooking: seva.maxPersonsPerBooking,
    bookingOpensDaysAhead: seva.bookingOpensDaysAhead,
    bookingClosesMinutesBefore: seva.bookingClosesMinutesBefore,
    arriveMinutesBefore: seva.arriveMinutesBefore,
    bringNote:
      seva.bringNoteEn && seva.bringNoteKn ? { en: seva.bringNoteEn, kn: seva.bringNoteKn } : null,
    asks: { gotra: seva.asksGotra, nakshatra: seva.asksNakshatra, rashi: seva.asksRashi },
    active: seva.active,
    paymentMode: onlinePayment && seva.feePaise > 0 ? seva.paymentMode : 'counter',
    refundFullHoursBefore: seva.refundFullHoursBefore,
    nextOpenDates,
  };
}
