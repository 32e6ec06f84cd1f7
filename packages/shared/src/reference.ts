/**
 * Booking references are read aloud over the phone and typed by elderly devotees, so they use
 * only letters and digits that cannot be mistaken for one another (no 0/O, 1/I/L, 5/S, 2/Z, U/V).
 */
export const REFERENCE_ALPHABET = '346789ABCDEFGHJKMNPQRTWXY';
export const REFERENCE_PREFIX = 'SB-';
export const REFERENCE_LENGTH = 6;

export const referencePattern = new RegExp(
  `^${REFERENCE_PREFIX}[${REFERENCE_ALPHABET}]{${REFERENCE_LENGTH}}$`,
);

/** Upper-cases and adds the prefix, so "7k3q9p" and "sb-7k3q9p" both find SB-7K3Q9P. */
export function normaliseReference(input: string): string {
  const bare = input.trim().toUpperCase().replace(/^SB-?/, '');
  return `${REFERENCE_PREFIX}${bare}`;
}
