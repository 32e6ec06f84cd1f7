/**
 * Whether a configured secret is fit for production. A secret signs staff tokens or derives
 * devotees' manage links: anyone who can guess it can forge either. So it must carry at least
 * 32 bytes of entropy, and must not be a value that was ever written down as an example.
 */

const MIN_SECRET_BITS = 256;

/**
 * Examples and placeholders that have appeared in this repository's compose file and
 * `.env.example`, and the words such placeholders are made of: none belongs in a random value.
 */
const PLACEHOLDER_WORDS = [
  'replace',
  'change-me',
  'changeme',
  'change_me',
  'example',
  'placeholder',
  'your-secret',
  'secret',
  'sevabook',
  'development',
  'password',
];

const PURPOSES = {
  JWT_SECRET: 'It signs staff sign-in tokens',
  BOOKING_LINK_SECRET: 'It derives the links devotees use to read and cancel bookings',
} as const;

/**
 * Why production must not start with this environment, naming the variable and never echoing
 * its value; null when the secrets and PUBLIC_URL are fit.
 */
export function productionRefusal(
  env: Partial<Record<keyof typeof PURPOSES | 'PUBLIC_URL', string>>,
): string | null {
  for (const name of ['JWT_SECRET', 'BOOKING_LINK_SECRET'] as const) {
    const weakness = weaknessOf(env[name]);
    if (weakness) {
      return `${name} cannot be used in production: ${weakness}. ${PURPOSES[name]}; set it to 32 random bytes, e.g. \`openssl rand -hex 32\`.`;
    }
  }
  if (!env.PUBLIC_URL) {
    return 'PUBLIC_URL must be set in production: the address devotees reach (https://…), used in manage links and Twilio signature checks.';
  }
  return null;
}

/** Why this value is not a production secret, or null when it is fit. */
export function weaknessOf(value: string | undefined): string | null {
  if (!value) return 'it is not set';
  const lower = value.toLowerCase();
  const word = PLACEHOLDER_WORDS.find((w) => lower.includes(w));
  if (word) return `it looks like a placeholder (contains "${word}")`;
  if (hasShortPeriod(value) || bitsPerCharacter(value) < 3)
    return 'it is low-entropy (repeated or too few different characters)';
  const bits = estimatedBits(value);
  if (bits < MIN_SECRET_BITS)
    return `it carries about ${Math.floor(bits / 8)} bytes of entropy; at least ${MIN_SECRET_BITS / 8} are needed`;
  return null;
}

/**
 * Entropy by the alphabet the value is written in: hex carries 4 bits a character, base64 6.
 * Other text is counted by its character classes, capped by how varied its characters are,
 * so a long phrase of a few letters does not pass for a random key.
 */
function estimatedBits(value: string): number {
  if (/^[0-9a-fA-F]+$/.test(value)) return value.length * 4;
  if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(value)) return value.replace(/=+$/, '').length * 6;
  let alphabet = 0;
  if (/[a-z]/.test(value)) alphabet += 26;
  if (/[A-Z]/.test(value)) alphabet += 26;
  if (/[0-9]/.test(value)) alphabet += 10;
  if (/[^A-Za-z0-9]/.test(value)) alphabet += 33;
  return value.length * Math.min(Math.log2(alphabet), bitsPerCharacter(value));
}

/** Shannon entropy of the value's own characters, in bits per character. */
function bitsPerCharacter(value: string): number {
  const counts = new Map<string, number>();
  for (const c of value) counts.set(c, (counts.get(c) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) {
    const p = n / value.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/** True for "abcabcabc…" and "0123456789abcdef0123456789abcdef…": a pattern repeated. */
function hasShortPeriod(value: string): boolean {
  for (let period = 1; period <= value.length / 2; period++) {
    let repeats = true;
    for (let i = period; i < value.length && repeats; i++) {
      if (value[i] !== value[i - period]) repeats = false;
    }
    if (repeats) return true;
  }
  return false;
}
