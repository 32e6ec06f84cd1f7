import {
  devoteeNameSchema,
  gotraSchema,
  phoneInputSchema,
  type AdminCreateBookingInput,
  type NakshatraKey,
  type RashiKey,
} from '@sevabook/shared';
import { z } from 'zod';

/** The counter form as typed: selects hold strings; `toCreateBooking` turns it into the API body. */
export const counterFormSchema = z.object({
  sevaId: z.string().min(1, 'Choose a seva'),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Choose a date'),
  slotId: z.string().min(1, 'Choose a time with room'),
  devoteeName: devoteeNameSchema,
  phone: phoneInputSchema,
  persons: z.number({ error: 'Enter how many persons' }).int().min(1, 'At least 1 person').max(50),
  gotra: gotraSchema,
  nakshatra: z.string().nullable(),
  rashi: z.string().nullable(),
  language: z.enum(['en', 'kn', 'hi', 'te']),
  /** How the devotee pays now; `later` books without a payment (paid from the day view). */
  payNow: z.enum(['cash', 'upi', 'card', 'later']),
});
export type CounterFormValues = z.infer<typeof counterFormSchema>;

/** `payable`: the booking has a fee, so the payment chosen goes with it. */
export function toCreateBooking(v: CounterFormValues, payable = false): AdminCreateBookingInput {
  const body: AdminCreateBookingInput = {
    slotId: Number(v.slotId),
    devoteeName: v.devoteeName.trim(),
    phone: v.phone,
    persons: v.persons,
    language: v.language,
  };
  if (v.gotra.trim()) body.gotra = v.gotra.trim();
  if (v.nakshatra) body.nakshatra = v.nakshatra as NakshatraKey;
  if (v.rashi) body.rashi = v.rashi as RashiKey;
  if (payable && v.payNow !== 'later') body.payment = { method: v.payNow };
  return body;
}
