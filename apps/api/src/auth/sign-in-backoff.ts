import { createHash } from 'node:crypto';
import type { Tx } from '../db/client.ts';
import { AppError } from '../errors.ts';

/**
 * Wrong passwords slow down the address they come from, for the account they were tried on,
 * and nothing else. A whole-account lock let anyone shut a staff member out with five
 * anonymous guesses; here the real user, signing in from their own address, is never held up by
 * an attacker's failures, and no session is ended because of them.
 *
 * The `loginMaxFailures`-th wrong password from one address for one account earns that address
 * a minute's wait for that account, and each further one doubles it, up to `backoffMaxMinutes`;
 * during the wait its attempts are answered 429 without looking at the password. Unknown emails
 * are counted exactly like real ones, so the answers never tell which accounts exist. A
 * success from the address clears its count; a day without failures forgets it.
 */

export interface BackoffRules {
  loginMaxFailures: number;
  backoffMaxMinutes: number;
}

/** Who is trying: the account (by email) and the client address. */
export interface SignInAttempt {
  email: string;
  address: string;
}

const FORGET_AFTER_MS = 24 * 60 * 60_000;
const FIRST_WAIT_MS = 60_000;

/** The account's key: SHA-256 of the lowercased email, so guessed emails are not kept readably. */
export function accountKeyOf(email: string): string {
  return createHash('sha256').update(email.trim().toLowerCase()).digest('hex');
}

const keyOf = (attempt: SignInAttempt) => ({
  accountKey: accountKeyOf(attempt.email),
  address: attempt.address.slice(0, 64),
});

const tooManyWrongPasswords = (retryAfterSeconds: number) =>
  new AppError(
    429,
    'rate_limited',
    'Too many wrong passwords',
    `Too many wrong passwords for this account from your network; try again in ${retryAfterSeconds} seconds.`,
    undefined,
    { 'retry-after': String(retryAfterSeconds) },
  );

/** Throws a 429 while this address has to wait before trying this account again. */
export async function assertMayTry(db: Tx, attempt: SignInAttempt, now: Date): Promise<void> {
  const row = await db.signInFailure.findUnique({ where: { accountKey_address: keyOf(attempt) } });
  if (row?.blockedUntil && row.blockedUntil > now) {
    throw tooManyWrongPasswords(Math.ceil((row.blockedUntil.getTime() - now.getTime()) / 1000));
  }
}

/** Counts a wrong password and, past the free tries, sets how long the address must wait. */
export async function recordWrongPassword(
  db: Tx,
  rules: BackoffRules,
  attempt: SignInAttempt,
  now: Date,
): Promise<void> {
  const { accountKey, address } = keyOf(attempt);
  const forgetBefore = new Date(now.getTime() - FORGET_AFTER_MS);
  // NOTE: raw SQL because the count must go up atomically when attempts arrive together (an
  // upsert with an increment); Prisma's upsert reads first and can lose one of two at once.
  await db.$executeRaw`
    INSERT INTO sign_in_failure (account_key, address, failures, last_failed_at)
    VALUES (${accountKey}, ${address}, 1, ${now})
    ON DUPLICATE KEY UPDATE
      failures = IF(last_failed_at < ${forgetBefore}, 1, failures + 1),
      last_failed_at = VALUES(last_failed_at)`;
  const row = await db.signInFailure.findUniqueOrThrow({
    where: { accountKey_address: { accountKey, address } },
  });
  const over = row.failures - rules.loginMaxFailures;
  if (over >= 0) {
    const waitMs = Math.min(FIRST_WAIT_MS * 2 ** over, rules.backoffMaxMinutes * 60_000);
    await db.signInFailure.update({
      where: { accountKey_address: { accountKey, address } },
      data: { blockedUntil: new Date(now.getTime() + waitMs) },
    });
  }
  // Rows of long-past attempts (often emails an attacker made up) are let go as we go.
  await db.signInFailure.deleteMany({ where: { lastFailedAt: { lt: forgetBefore } } });
}

/** A right password from this address: its count for the account starts again. */
export async function clearWrongPasswords(db: Tx, attempt: SignInAttempt): Promise<void> {
  await db.signInFailure.deleteMany({ where: keyOf(attempt) });
}

/** An admin gave the account a new password: every address may try it at once. */
export async function clearAllWrongPasswords(db: Tx, email: string): Promise<void> {
  await db.signInFailure.deleteMany({ where: { accountKey: accountKeyOf(email) } });
}
