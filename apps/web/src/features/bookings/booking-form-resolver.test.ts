import type { CreateBookingInput } from '@sevabook/shared';
import { describe, expect, it } from 'vitest';
import { bookingFormResolver } from './booking-form-resolver.ts';

const valid: CreateBookingInput = {
  slotId: 5,
  devoteeName: 'Lakshmi Rao',
  phone: '98765 43210',
  persons: 2,
  email: '',
  language: 'kn',
};

const run = (values: Partial<CreateBookingInput>, maxPersons = 5) =>
  bookingFormResolver(
    { ...valid, ...values },
    { maxPersons },
    { fields: {}, shouldUseNativeValidation: false },
  );

describe('bookingFormResolver', () => {
  it('accepts good details and gives the API’s shape (empty email dropped)', async () => {
    const result = await run({});
    expect(result.errors).toEqual({});
    expect(result.values).toMatchObject({
      slotId: 5,
      devoteeName: 'Lakshmi Rao',
      persons: 2,
      language: 'kn',
    });
    expect(result.values).not.toHaveProperty('email', '');
  });

  it('keeps message keys, not English sentences, so errors follow the chosen language', async () => {
    const result = await run({ devoteeName: 'L', phone: '12345', email: 'not-an-email' });
    expect(result.errors.devoteeName?.message).toBe('form.errors.devoteeName');
    expect(result.errors.phone?.message).toBe('form.errors.phone');
    expect(result.errors.email?.message).toBe('form.errors.email');
  });

  it('tells a name that is too long apart from one that is missing', async () => {
    const result = await run({ devoteeName: 'x'.repeat(121) });
    expect(result.errors.devoteeName?.message).toBe('form.errors.devoteeNameLong');
  });

  it('keys a name with a line break or a link to the characters sentence', async () => {
    for (const devoteeName of ['Lakshmi\nRao', 'Lakshmi pay.example', 'Lakshmi \ud800']) {
      const result = await run({ devoteeName });
      expect(result.errors.devoteeName?.message).toBe('form.errors.devoteeNameCharacters');
    }
  });

  it('keys a gotra with a line break to the gotra characters sentence', async () => {
    const result = await run({ gotra: 'Kashyapa\nCall 99999' });
    expect(result.errors.gotra?.message).toBe('form.errors.gotraCharacters');
  });

  it('accepts a name and gotra written in Kannada', async () => {
    const result = await run({ devoteeName: 'ಕೆ. ಎಸ್. ಲಕ್ಷ್ಮೀ', gotra: 'ಕಾಶ್ಯಪ' });
    expect(result.errors).toEqual({});
  });

  it('refuses more persons than the slot has room for', async () => {
    const result = await run({ persons: 3 }, 2);
    expect(result.errors.persons?.message).toBe('form.errors.persons');
  });
});
