import type { CreateBookingInput } from '@sevabook/shared';

export type TypedDetails = Pick<
  CreateBookingInput,
  'devoteeName' | 'phone' | 'persons' | 'email' | 'gotra' | 'nakshatra' | 'rashi'
>;

/**
 * The details a devotee typed, read back from somewhere the page does not control (the
 * router's location state, the tab's session storage): only the fields of the form, each only
 * when it has the right type. The form checks their values as it checks what is typed.
 */
export function typedDetails(value: unknown): Partial<TypedDetails> {
  if (typeof value !== 'object' || value === null) return {};
  const record = value as Record<string, unknown>;
  const out: Partial<TypedDetails> = {};
  for (const key of ['devoteeName', 'phone', 'email', 'gotra'] as const) {
    const field = record[key];
    if (typeof field === 'string') out[key] = field;
  }
  const { persons, nakshatra, rashi } = record;
  if (typeof persons === 'number' && Number.isInteger(persons) && persons >= 1)
    out.persons = persons;
  if (typeof nakshatra === 'string') out.nakshatra = nakshatra as TypedDetails['nakshatra'];
  if (typeof rashi === 'string') out.rashi = rashi as TypedDetails['rashi'];
  return out;
}

/**
 * What travels from a form whose slot filled to the form of the time chosen instead, so nobody
 * types anything twice, persons included; and the slots that were tried on the way, so that
 * going back to one of them after booking shows the booking made.
 */
export function carriedDetails(state: unknown): {
  details: Partial<TypedDetails>;
  triedSlotIds: number[];
} {
  const carry = (state as { carry?: unknown } | null)?.carry;
  const tried = (carry as { triedSlotIds?: unknown } | undefined)?.triedSlotIds;
  return {
    details: typedDetails(carry),
    triedSlotIds: Array.isArray(tried)
      ? (tried as unknown[]).filter((id): id is number => Number.isInteger(id))
      : [],
  };
}
