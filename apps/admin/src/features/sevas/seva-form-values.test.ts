import { describe, expect, it } from 'vitest';
import { emptySeva, sevaFormSchema, toSevaBody } from './seva-form-values.ts';

describe('the seva form’s payment fields', () => {
  it('start as today’s behaviour: paid at the counter, full refund up to 24 hours before', () => {
    expect(toSevaBody(emptySeva)).toMatchObject({
      paymentMode: 'counter',
      refundFullHoursBefore: 24,
    });
  });

  it('send the chosen mode and refund hours to the API', () => {
    const body = toSevaBody({
      ...emptySeva,
      paymentMode: 'online_required',
      refundFullHoursBefore: 48,
    });
    expect(body).toMatchObject({ paymentMode: 'online_required', refundFullHoursBefore: 48 });
  });

  it('refuse refund hours that are negative or not whole', () => {
    const valid = { ...emptySeva, slug: 'archana', nameEn: 'A', nameKn: 'ಅ' };
    const withHours = (refundFullHoursBefore: number) =>
      sevaFormSchema.safeParse({
        ...valid,
        descriptionEn: 'x',
        descriptionKn: 'x',
        refundFullHoursBefore,
      }).success;
    expect(withHours(0)).toBe(true);
    expect(withHours(-1)).toBe(false);
    expect(withHours(1.5)).toBe(false);
  });
});
