import { devoteeTextMessages } from '@sevabook/shared';
import { describe, expect, it } from 'vitest';
import {
  counterFormSchema,
  toCreateBooking,
  type CounterFormValues,
} from './counter-form-schema.ts';

const typed: CounterFormValues = {
  sevaId: '1',
  date: '2026-12-24',
  slotId: '7',
  devoteeName: 'ಲಕ್ಷ್ಮೀ ರಾವ್',
  phone: '98765 43210',
  persons: 1,
  gotra: 'ಕಾಶ್ಯಪ',
  nakshatra: null,
  rashi: null,
  language: 'kn',
  payNow: 'cash',
};

const errorOf = (values: Partial<CounterFormValues>, field: keyof CounterFormValues) =>
  counterFormSchema
    .safeParse({ ...typed, ...values })
    .error?.issues.find((i) => i.path[0] === field)?.message;

describe('counterFormSchema', () => {
  it('takes a walk-in’s name and gotra in Kannada', () => {
    expect(counterFormSchema.safeParse(typed).success).toBe(true);
  });

  it('tells staff why a name with a line break or a link cannot go on the booking', () => {
    expect(errorOf({ devoteeName: 'Lakshmi\nRao' }, 'devoteeName')).toBe(
      devoteeTextMessages.nameCharacters,
    );
    expect(errorOf({ devoteeName: 'Lakshmi pay.example' }, 'devoteeName')).toBe(
      devoteeTextMessages.dotBeforeWord,
    );
    expect(errorOf({ gotra: 'Kashyapa\tx' }, 'gotra')).toBe(devoteeTextMessages.nameCharacters);
  });

  it('sends the payment taken now with a booking that has a fee, and none with a free one', () => {
    expect(toCreateBooking(typed, true).payment).toEqual({ method: 'cash' });
    expect(toCreateBooking({ ...typed, payNow: 'upi' }, true).payment).toEqual({ method: 'upi' });
    expect(toCreateBooking({ ...typed, payNow: 'later' }, true).payment).toBeUndefined();
    expect(toCreateBooking(typed, false).payment).toBeUndefined();
  });
});
