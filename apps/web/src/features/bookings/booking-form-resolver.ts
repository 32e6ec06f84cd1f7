import {
  createBookingSchema,
  isDevoteeTextMessage,
  type CreateBooking,
  type CreateBookingInput,
} from '@sevabook/shared';
import { zodResolver } from '@hookform/resolvers/zod';
import type { FieldError, FieldErrors, Resolver } from 'react-hook-form';

export interface BookingFormContext {
  /** The fewer of the seva's per-booking limit and the places left in the slot. */
  maxPersons: number;
}

const validate = zodResolver(createBookingSchema);

/**
 * The shared createBookingSchema, with one change for people: its messages are English, so each
 * error is replaced by the key of a sentence in our messages. The key (not the sentence) is
 * kept in the form state, so switching language re-words errors already on screen.
 */
export const bookingFormResolver: Resolver<
  CreateBookingInput,
  BookingFormContext,
  CreateBooking
> = async (values, context, options) => {
  const result = await validate(values, context, options);
  const errors: FieldErrors<CreateBookingInput> = {};
  for (const [field, error] of Object.entries(result.errors)) {
    const key = messageKey(field, error as FieldError);
    errors[field as keyof CreateBookingInput] = { type: (error as FieldError).type, message: key };
  }
  const maxPersons = context?.maxPersons;
  if (!errors.persons && maxPersons !== undefined && Number(values.persons) > maxPersons) {
    errors.persons = { type: 'too_big', message: 'form.errors.persons' };
  }
  if (Object.keys(errors).length > 0) return { values: {}, errors };
  return result;
};

export type BookingErrorKey = `form.errors.${
  | 'devoteeName'
  | 'devoteeNameLong'
  | 'devoteeNameCharacters'
  | 'phone'
  | 'persons'
  | 'email'
  | 'gotra'
  | 'gotraCharacters'
  | 'nakshatra'
  | 'rashi'
  | 'generic'}`;

/**
 * The sentence for a field's error. A character rule (no line breaks, links or symbols in a name
 * or gotra) is told by the shared schema's message, which is the same whether the form or the
 * API found it.
 */
export function messageKey(
  field: string,
  error: Pick<FieldError, 'type' | 'message'>,
): BookingErrorKey {
  const characters = isDevoteeTextMessage(error.message);
  switch (field) {
    case 'devoteeName':
      if (characters) return 'form.errors.devoteeNameCharacters';
      return error.type === 'too_big' ? 'form.errors.devoteeNameLong' : 'form.errors.devoteeName';
    case 'gotra':
      return characters ? 'form.errors.gotraCharacters' : 'form.errors.gotra';
    case 'phone':
    case 'persons':
    case 'email':
    case 'nakshatra':
    case 'rashi':
      return `form.errors.${field}`;
    default:
      return 'form.errors.generic';
  }
}
