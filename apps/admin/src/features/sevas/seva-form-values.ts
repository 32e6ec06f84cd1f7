import {
  sevaPaymentModes,
  sevaSlugSchema,
  type AdminSeva,
  type CreateSeva,
} from '@sevabook/shared';
import { z } from 'zod';

/** The seva form as typed: the fee in rupees; `toSevaBody` turns it into the API's paise. */
export const sevaFormSchema = z
  .object({
    slug: sevaSlugSchema,
    nameEn: z.string().trim().min(1, 'Enter the English name').max(120),
    nameKn: z.string().trim().min(1, 'Enter the Kannada name').max(120),
    descriptionEn: z.string().trim().min(1, 'Enter an English description').max(5000),
    descriptionKn: z.string().trim().min(1, 'Enter a Kannada description').max(5000),
    durationMinutes: z.number().int().min(1).max(1440),
    feeRupees: z.number().min(0).max(1_000_000),
    defaultCapacity: z.number().int().min(1).max(100_000),
    maxPersonsPerBooking: z.number().int().min(1).max(50),
    bookingOpensDaysAhead: z.number().int().min(0).max(366),
    bookingClosesMinutesBefore: z.number().int().min(0).max(43_200),
    arriveMinutesBefore: z.number().int().min(0).max(240),
    bringNoteEn: z.string().trim().max(300),
    bringNoteKn: z.string().trim().max(300),
    asksGotra: z.boolean(),
    asksNakshatra: z.boolean(),
    asksRashi: z.boolean(),
    active: z.boolean(),
    paymentMode: z.enum(sevaPaymentModes),
    refundFullHoursBefore: z
      .number()
      .int()
      .min(0)
      .max(366 * 24),
  })
  // The devotee reads the note in their own language: both are written, or neither.
  .refine((v) => !v.bringNoteEn === !v.bringNoteKn, {
    path: ['bringNoteKn'],
    message: 'Write the note in both languages, or leave both empty',
  });
export type SevaFormValues = z.infer<typeof sevaFormSchema>;

export const emptySeva: SevaFormValues = {
  slug: '',
  nameEn: '',
  nameKn: '',
  descriptionEn: '',
  descriptionKn: '',
  durationMinutes: 30,
  feeRupees: 0,
  defaultCapacity: 20,
  maxPersonsPerBooking: 5,
  bookingOpensDaysAhead: 30,
  bookingClosesMinutesBefore: 60,
  arriveMinutesBefore: 0,
  bringNoteEn: '',
  bringNoteKn: '',
  asksGotra: true,
  asksNakshatra: true,
  asksRashi: false,
  active: true,
  paymentMode: 'counter',
  refundFullHoursBefore: 24,
};

export function sevaToForm(s: AdminSeva): SevaFormValues {
  return {
    slug: s.slug,
    nameEn: s.name.en,
    nameKn: s.name.kn,
    descriptionEn: s.description.en,
    descriptionKn: s.description.kn,
    durationMinutes: s.durationMinutes,
    feeRupees: s.feePaise / 100,
    defaultCapacity: s.defaultCapacity,
    maxPersonsPerBooking: s.maxPersonsPerBooking,
    bookingOpensDaysAhead: s.bookingOpensDaysAhead,
    bookingClosesMinutesBefore: s.bookingClosesMinutesBefore,
    arriveMinutesBefore: s.arriveMinutesBefore,
    bringNoteEn: s.bringNote?.en ?? '',
    bringNoteKn: s.bringNote?.kn ?? '',
    asksGotra: s.asks.gotra,
    asksNakshatra: s.asks.nakshatra,
    asksRashi: s.asks.rashi,
    active: s.active,
    paymentMode: s.paymentMode,
    refundFullHoursBefore: s.refundFullHoursBefore,
  };
}

export function toSevaBody(v: SevaFormValues): Omit<CreateSeva, 'sortOrder'> {
  return {
    slug: v.slug,
    name: { en: v.nameEn, kn: v.nameKn },
    description: { en: v.descriptionEn, kn: v.descriptionKn },
    durationMinutes: v.durationMinutes,
    feePaise: Math.round(v.feeRupees * 100),
    defaultCapacity: v.defaultCapacity,
    maxPersonsPerBooking: v.maxPersonsPerBooking,
    bookingOpensDaysAhead: v.bookingOpensDaysAhead,
    bookingClosesMinutesBefore: v.bookingClosesMinutesBefore,
    arriveMinutesBefore: v.arriveMinutesBefore,
    bringNote: v.bringNoteEn && v.bringNoteKn ? { en: v.bringNoteEn, kn: v.bringNoteKn } : null,
    asks: { gotra: v.asksGotra, nakshatra: v.asksNakshatra, rashi: v.asksRashi },
    active: v.active,
    paymentMode: v.paymentMode,
    refundFullHoursBefore: v.refundFullHoursBefore,
  };
}
