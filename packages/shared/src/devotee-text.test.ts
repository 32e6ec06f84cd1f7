import { describe, expect, it } from 'vitest';
import { createClosedDateSchema, createSlotSchema, updateSlotSchema } from './api/admin-sevas.ts';
import { cancelBookingSchema } from './api/bookings.ts';
import {
  devoteeNameSchema,
  devoteeTextMessages,
  freeTextSchema,
  gotraSchema,
} from './devotee-text.ts';

const messageOf = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.error?.issues[0]?.message;

describe('devoteeNameSchema', () => {
  it.each([
    'Lakshmi Rao',
    'ಲಕ್ಷ್ಮೀ ರಾವ್',
    'ಕೆ. ಎಸ್. ರಾವ್',
    'लक्ष्मी राव',
    'Zoë D’Souza',
    "Mary-Anne O'Neil",
    'K.S. Rao',
    'ಶ್ರೀನಿವಾಸ್‌ ಭಟ್',
  ])('accepts %s', (name) => {
    expect(devoteeNameSchema.safeParse(name).success).toBe(true);
  });

  it.each([
    ['a line break', 'Lakshmi\nRao'],
    ['a carriage return', 'Lakshmi\rRao'],
    ['a tab', 'Lakshmi\tRao'],
    ['a NUL', 'Lakshmi\u0000Rao'],
    ['a right-to-left override', 'Lakshmi\u202eoaR'],
    ['a line separator', 'Lakshmi\u2028Rao'],
    ['a lone surrogate', 'Lakshmi \ud800Rao'],
    ['digits', 'Lakshmi 42'],
    ['a URL', 'https://evil.example'],
    ['an emoji', 'Lakshmi 🙏'],
  ])('refuses %s with the characters message', (_what, name) => {
    expect(messageOf(devoteeNameSchema.safeParse(name))).toBe(devoteeTextMessages.nameCharacters);
  });

  it.each(['example.com', 'Rao x.co', 'visit ಉದಾಹರಣೆ.ಭಾರತ', 'K.Ramesh'])(
    'refuses %s, which a phone would turn into a link',
    (name) => {
      expect(messageOf(devoteeNameSchema.safeParse(name))).toBe(devoteeTextMessages.dotBeforeWord);
    },
  );

  it('stores a decomposed accent as its composed letter', () => {
    expect(devoteeNameSchema.parse('Zoe\u0308 Rao')).toBe('Zo\u00eb Rao');
  });
});

describe('gotraSchema', () => {
  it('accepts a gotra in Kannada and an empty one', () => {
    expect(gotraSchema.parse(' ಕಾಶ್ಯಪ ')).toBe('ಕಾಶ್ಯಪ');
    expect(gotraSchema.parse('')).toBe('');
  });

  it('refuses a line that would add to a message', () => {
    expect(messageOf(gotraSchema.safeParse('Kashyapa\nCall 9999999999'))).toBe(
      devoteeTextMessages.nameCharacters,
    );
  });
});

describe('freeTextSchema', () => {
  const reason = freeTextSchema(300);

  it('accepts a reason with digits, punctuation, rupees and an emoji', () => {
    expect(reason.safeParse('Temple closed 12.12 for the eclipse (₹50 refunded) 🙏').success).toBe(
      true,
    );
  });

  it.each([
    ['a line break', 'Closed\nSee below', devoteeTextMessages.freeTextCharacters],
    ['a scheme', 'see http://localhost', devoteeTextMessages.link],
    ['www', 'see www.x', devoteeTextMessages.link],
    ['a bare domain', 'see evil.example', devoteeTextMessages.dotBeforeWord],
  ])('refuses %s', (_what, text, message) => {
    expect(messageOf(reason.safeParse(text))).toBe(message);
  });
});

describe('every way a reason or note comes in', () => {
  const line = 'Closed\nCall 9999999999';
  const slot = { sevaId: 1, date: '2026-12-24', time: '06:30' };

  it('holds slots’ notes and closing and cancelling reasons to the free-text rules', () => {
    expect(createSlotSchema.safeParse({ ...slot, note: 'Eclipse 12.12' }).success).toBe(true);
    expect(createSlotSchema.safeParse({ ...slot, note: line }).success).toBe(false);
    expect(updateSlotSchema.safeParse({ note: line }).success).toBe(false);
    expect(createClosedDateSchema.safeParse({ date: '2026-12-24', reason: line }).success).toBe(
      false,
    );
    expect(cancelBookingSchema.safeParse({ reason: line }).success).toBe(false);
    expect(cancelBookingSchema.safeParse({ reason: 'Travelling on 24.12 🙏' }).success).toBe(true);
  });
});
