import { hash, verify } from '@node-rs/argon2';

/**
 * Staff passwords are hashed with argon2id at OWASP's minimum cost (19 MiB, 2 passes).
 * NOTE: @node-rs/argon2 uses argon2id unless told otherwise; its Algorithm enum is a const enum
 * that isolated modules cannot import, so the default is relied on (and tested).
 */
const ARGON2_OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

let dummyHash: Promise<string> | undefined;

/**
 * Checks a password against a stored hash. With no hash (unknown email, inactive account) it
 * still spends the time of one verification, so response times do not tell which emails exist.
 */
export async function verifyPassword(
  passwordHash: string | null,
  password: string,
): Promise<boolean> {
  dummyHash ??= hashPassword('sevabook-timing-equaliser');
  const target = passwordHash ?? (await dummyHash);
  try {
    const matches = await verify(target, password);
    return passwordHash !== null && matches;
  } catch {
    // A malformed stored hash must never let anyone in.
    return false;
  }
}
