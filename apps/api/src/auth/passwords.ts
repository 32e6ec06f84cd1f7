import { randomBytes } from 'node:crypto';
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
 * A hash of a random password nobody knows, at the same cost as real ones: what unknown emails
 * and inactive accounts are checked against, so they take as long as a wrong password. Made
 * when the app starts (auth-plugin.ts), not on the first unknown email, whose answer would
 * otherwise take twice as long.
 */
export function timingEqualiserHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(16).toString('base64url'));
  return dummyHash;
}

/**
 * Checks a password against a stored hash. With no hash (unknown email, inactive account) it
 * still spends the time of one verification, so response times do not tell which emails exist.
 */
export async function verifyPassword(
  passwordHash: string | null,
  password: string,
): Promise<boolean> {
  const target = passwordHash ?? (await timingEqualiserHash());
  try {
    const matches = await verify(target, password);
    return passwordHash !== null && matches;
  } catch {
    // A malformed stored hash must never let anyone in.
    return false;
  }
}
