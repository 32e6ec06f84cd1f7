import type { Db } from '../db/client.ts';
import { AppError } from '../errors.ts';
import type { StaffUser } from '../generated/prisma/client.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { liveFamilyOf, revokeAllForUser } from './refresh-tokens.ts';
import {
  assertMayTry,
  clearWrongPasswords,
  recordWrongPassword,
  type BackoffRules,
} from './sign-in-backoff.ts';

/** One answer for every failed login, so it never tells whether an email has an account. */
export const invalidCredentials = () =>
  new AppError(401, 'invalid_credentials', 'Sign-in failed', 'The email or password is not right.');

/**
 * Checks an email and password from a client address. Unknown and inactive accounts fail
 * exactly like a wrong password: the same error, the same argon2 work against a dummy hash, and
 * the same failure counted (sign-in-backoff.ts), so neither the answer nor its timing tells
 * which emails have accounts.
 */
export async function verifyLogin(
  db: Db,
  rules: BackoffRules,
  email: string,
  password: string,
  address: string,
  now: Date,
): Promise<StaffUser> {
  const attempt = { email, address };
  await assertMayTry(db, attempt, now);
  const user = await db.staffUser.findUnique({ where: { email: email.trim().toLowerCase() } });
  const usable = user?.active ? user : null;
  const matches = await verifyPassword(usable?.passwordHash ?? null, password);
  if (!usable || !matches) {
    await recordWrongPassword(db, rules, attempt, now);
    throw invalidCredentials();
  }
  await clearWrongPasswords(db, attempt);
  return db.staffUser.update({ where: { id: usable.id }, data: { lastLoginAt: now } });
}

/**
 * A signed-in user replaces their password. Every other session of theirs ends at once: their
 * refresh tokens are revoked and the session version goes up, so the access tokens already
 * handed out stop working too. The session whose refresh token came with the request (the
 * admin site's cookie) is kept: its next request renews its access token and goes on. A wrong
 * current password counts like a wrong password at sign-in: a stolen access token must not
 * become a way to guess the password without limit.
 */
export async function changePassword(
  db: Db,
  rules: BackoffRules,
  userId: number,
  currentPassword: string,
  newPassword: string,
  session: { address: string; refreshToken: string | undefined },
  now: Date,
): Promise<void> {
  const user = await db.staffUser.findUniqueOrThrow({ where: { id: userId } });
  const attempt = { email: user.email, address: session.address };
  await assertMayTry(db, attempt, now);
  if (!(await verifyPassword(user.passwordHash, currentPassword))) {
    await recordWrongPassword(db, rules, attempt, now);
    throw invalidCredentials();
  }
  const passwordHash = await hashPassword(newPassword);
  await db.$transaction(async (tx) => {
    const kept = await liveFamilyOf(tx, userId, session.refreshToken, now);
    await tx.staffUser.update({
      where: { id: userId },
      data: { passwordHash, mustChangePassword: false, sessionVersion: { increment: 1 } },
    });
    await revokeAllForUser(tx, userId, now, kept);
    await clearWrongPasswords(tx, attempt);
  });
}
