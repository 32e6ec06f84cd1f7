import { z } from 'zod';
import { bookingSchema, phoneInputSchema } from './bookings.ts';
import { languageSchema } from './common.ts';

/**
 * "My bookings": a devotee who lost the WhatsApp link proves they hold the phone with a
 * 6-digit code sent to it, and gets a short session that reaches only that phone's bookings.
 */

export const SIGN_IN_CODE_LENGTH = 6;

export const requestSignInCodeSchema = z
  .strictObject({
    phone: phoneInputSchema,
    language: languageSchema.default('en').describe('The language of the WhatsApp message'),
  })
  .meta({ id: 'RequestSignInCode' });
export type RequestSignInCodeInput = z.input<typeof requestSignInCodeSchema>;

export const signInCodeSentSchema = z
  .object({
    expiresInSeconds: z.number().int().describe('How long the code works'),
    resendAfterSeconds: z.number().int().describe('When the site offers to send another code'),
  })
  .meta({ id: 'SignInCodeSent' });
export type SignInCodeSent = z.infer<typeof signInCodeSentSchema>;

export const startDevoteeSessionSchema = z
  .strictObject({
    phone: phoneInputSchema,
    code: z
      .string()
      .trim()
      .regex(/^\d{6}$/, 'Enter the 6 digits of the code'),
  })
  .meta({ id: 'StartDevoteeSession' });
export type StartDevoteeSessionInput = z.input<typeof startDevoteeSessionSchema>;

export const devoteeSessionSchema = z
  .object({
    sessionToken: z
      .string()
      .describe('Send as `Authorization: Bearer <token>` to the my-bookings and manage routes'),
    tokenType: z.literal('Bearer'),
    expiresIn: z.number().int().describe('Seconds'),
    phone: z.string().describe('E.164: the phone this session reaches the bookings of'),
  })
  .meta({ id: 'DevoteeSession' });
export type DevoteeSession = z.infer<typeof devoteeSessionSchema>;

export const myBookingsSchema = z
  .object({
    upcoming: z.array(bookingSchema).describe('Soonest first'),
    past: z.array(bookingSchema).describe('The last 12 months, latest first'),
  })
  .meta({ id: 'MyBookings' });
export type MyBookings = z.infer<typeof myBookingsSchema>;
