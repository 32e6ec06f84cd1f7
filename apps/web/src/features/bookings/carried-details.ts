import type { CreateBookingInput } from '@sevabook/shared';

type Carried = Pick<
  CreateBookingInput,
  'devoteeName' | 'phone' | 'email' | 'gotra' | 'nakshatra' | 'rashi'
>;

/**
 * The details a devotee already typed, carried from a form whose slot filled to the form of the
 * time they chose instead (in the router's location state), so nobody types them twice.
 * Persons are not carried: the new slot may have fewer places.
 */
export function carriedDetails(state: unknown): Partial<Carried> {
  const carry = (state as { carry?: unknown } | null)?.carry;
  if (typeof carry !== 'object' || carry === null) return {};
  const out: Partial<Carried> = {};
  for (const key of ['devoteeName', 'phone', 'email', 'gotra'] as const) {
    const value = (carry as Record<string, unknown>)[key];
    if (typeof value === 'string') out[key] = value;
  }
  const { nakshatra, rashi } = carry as Record<string, unknown>;
  if (typeof nakshatra === 'string') out.nakshatra = nakshatra as Carried['nakshatra'];
  if (typeof rashi === 'string') out.rashi = rashi as Carried['rashi'];
  return out;
}
