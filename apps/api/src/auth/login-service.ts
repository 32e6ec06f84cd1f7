import type { Db } from '../db/client.ts';
import { AppError } from '../errors.ts';
import type { StaffUser } from '../generated/prisma/client.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { revokeAllForUser } from './refresh-tokens.ts';

export interface LockoutRules {
  loginMaxFailures: number;
  lockoutMinutes: number;
}

/** One answer for every failed login, so it never tells whether an email has an account. */
export const invalidCredentials = () =>
  new AppError(401, 'invalid_credentials', 'Sign-in failed', 'The email or password is not right.');

/**
 * Checks an email and password. Unknown, inactive and locked accounts fail exactly like a wrong
 * password (same error, same argon2 work). Each wrong password counts towards a lockout.
 */
export async function verifyLogin(
  db: Db,
  rules: LockoutRules,
  email: string,
  password: string,
  now: Date,
): Promise<StaffUser> {
  const user = await db.staffUser.findUnique({ where: { email: email.trim().toLowerCase() } });
  const usable = user && user.active && !(user.lockedUntil && user.lockedUntil > now);
  const matches = await verifyPassword(usable ? user.passwordHash : null, password);
  if (!user || !usable) throw invalidCredentials();

  if (!matches) {
    const counted = await db.staffUser.update({
      where: { id: user.id },
      data: { failedLogins: { increment: 1 } },
    });
    if (counted.failedLogins >= rules.loginMaxFailures) {
      await db.staffUser.update({
        where: { id: user.id },
        data: {
          failedLogins: 0,
          lockedUntil: new Date(now.getTime() + rules.lockoutMinutes * 60_000),
        },
      });
    }
    throw invalidCredentials();
  }

  return db.staffUser.update({
    where: { id: user.id },
    data: { failedLogins: 0, lockedUntil: null, lastLoginAt: now },
  });
}

/** A signed-in user replaces their password; every other session of theirs is signed out. */
export async function changePassword(
  db: Db,
  userId: number,
  currentPassword: string,
  newPassword: string,
  now: Date,
): Promise<void> {
  const user = await db.staffUser.findUniqueOrThrow({ where: { id: userId } });
  if (!(await verifyPassword(user.passwordHash, currentPassword))) throw invalidCredentials();
  const passwordHash = await hashPassword(newPassword);
  await db.$transaction(async (tx) => {
    await tx.staffUser.update({
      where: { id: userId },
      data: { passwordHash, mustChangePassword: false },
    });
    await revokeAllForUser(tx, userId, now);
  });
}
