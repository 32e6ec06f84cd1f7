import { z } from 'zod';
import { isoDatePattern } from '../temple-time.ts';

export const languages = ['en', 'kn', 'hi', 'te'] as const;
export const languageSchema = z.enum(languages).meta({ id: 'Language' });
export type Language = z.infer<typeof languageSchema>;

/** Text in each language the temple offers; English and Kannada are always present. */
export const localizedTextSchema = z
  .object({
    en: z.string(),
    kn: z.string(),
    hi: z.string().nullable(),
    te: z.string().nullable(),
  })
  .meta({ id: 'LocalizedText' });
export type LocalizedText = z.infer<typeof localizedTextSchema>;

/** 2027-02-31 has the right shape but is no day at all. */
function isCalendarDate(value: string): boolean {
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

export const isoDateSchema = z
  .string()
  .regex(isoDatePattern, 'Use a date like 2026-11-24')
  .refine(isCalendarDate, 'Not a real calendar date')
  .meta({
    description: 'A calendar date in the temple time zone, YYYY-MM-DD',
    // Said to the API document's readers; the pattern and the refinement above do the checking.
    format: 'date',
  });

export const idParamSchema = z.object({ id: z.coerce.number().int().positive() });
