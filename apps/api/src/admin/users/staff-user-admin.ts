import { randomInt } from 'node:crypto';
import type { CreateStaffUser, UpdateStaffUser } from '@sevabook/shared';
import type { Db, Tx } from '../../db/client.ts';
import { isUniqueViolation } from '../../db/db-errors.ts';
import { conflict, notFound } from '../../errors.ts';
import type { StaffUser } from '../../generated/prisma/client.ts';
import { recordAudit, type Actor } from '../../audit/audit-log.ts';
import { hashPassword } from '../../auth/passwords.ts';
import { endAccessTokens, revokeAllForUser } from '../../auth/refresh-tokens.ts';
import { clearAllWrongPasswords } from '../../auth/sign-in-backoff.ts';
import { toStaffUserDto } from './staff-user-dto.ts';
import { refuseCommonPassword } from './common-password-check.ts';

/**
 * Letters and digits a person reads aloud or copies from paper without doubt: no 0/O/o, 1/l/I/i,
 * 2/Z/z, 5/S/s, 8/B, nor u/v (lower-case pairs that look alike in small type), no symbols.
 */
export const TEMPORARY_PASSWORD_ALPHABET = '34679ACDEFGHJKLMNPQRTUVWXYabcdefghjkmnpqrtwxy';

/** A temporary password of 20 characters from that alphabet: over 100 bits. */
export function temporaryPassword(): string {
  let password = '';
  for (let i = 0; i < 20; i++) {
    password += TEMPORARY_PASSWORD_ALPHABET[randomInt(TEMPORARY_PASSWORD_ALPHABET.length)];
  }
  return password;
}

/** Invites a staff user with a temporary password they must change at first sign-in. */
export async function createStaffUser(db: Db, input: CreateStaffUser, actor: Actor) {
  if (input.password !== undefined) await refuseCommonPassword(input.password, 'password');
  const password = input.password ?? temporaryPassword();
  const passwordHash = await hashPassword(password);
  try {
    const user = await db.$transaction(async (tx) => {
      const created = await tx.staffUser.create({
        data: {
          email: input.email.trim().toLowerCase(),
          name: input.name,
          role: input.role,
          passwordHash,
          mustChangePassword: true,
        },
      });
      await recordAudit(tx, {
        entityType: 'staff_user',
        entityId: created.id,
        action: 'staff_user.created',
        actor,
        after: toStaffUserDto(created),
      });
      return created;
    });
    return { user, temporaryPassword: password };
  } catch (error) {
    if (isUniqueViolation(error, 'email'))
      throw conflict('conflict', 'Email taken', 'A staff account with this email exists already.');
    throw error;
  }
}

/**
 * Renames, changes the role of, deactivates or reactivates an account. Deactivating signs the
 * user out everywhere. The temple always keeps at least one active admin, and nobody demotes
 * or deactivates themselves.
 */
export async function updateStaffUser(
  db: Db,
  id: number,
  input: UpdateStaffUser,
  actor: Actor,
): Promise<StaffUser> {
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<
      { id: number }[]
    >`SELECT id FROM staff_user WHERE id = ${id} FOR UPDATE`;
    if (rows.length === 0) throw notFound(`There is no staff user ${id}.`);
    const before = await tx.staffUser.findUniqueOrThrow({ where: { id } });
    const losesAdmin =
      before.role === 'admin' &&
      before.active &&
      (input.active === false || (input.role && input.role !== 'admin'));
    if (losesAdmin) {
      if (actor.id === id)
        throw conflict(
          'conflict',
          'Not on yourself',
          'Ask another admin to change your own role or deactivate you.',
        );
      await ensureAnotherAdmin(tx, id);
    }
    const user = await tx.staffUser.update({ where: { id }, data: input });
    if (input.active === false) await revokeAllForUser(tx, id, new Date());
    await recordAudit(tx, {
      entityType: 'staff_user',
      entityId: id,
      action: input.active === false ? 'staff_user.deactivated' : 'staff_user.updated',
      actor,
      before: toStaffUserDto(before),
      after: toStaffUserDto(user),
    });
    return user;
  });
}

async function ensureAnotherAdmin(tx: Tx, id: number): Promise<void> {
  // Lock the other admins' rows so two admins cannot demote each other at the same moment.
  const others = await tx.$queryRaw<{ id: number }[]>`
    SELECT id FROM staff_user WHERE role = 'admin' AND active = TRUE AND id <> ${id} FOR UPDATE`;
  if (others.length === 0) {
    throw conflict('conflict', 'Last admin', 'The temple must keep at least one active admin.');
  }
}

/**
 * Issues a new temporary password: signs the account out everywhere at once (refresh tokens
 * and access tokens) and lets every address try the new password straight away.
 */
export async function resetStaffPassword(db: Db, id: number, actor: Actor) {
  if (!(await db.staffUser.findUnique({ where: { id }, select: { id: true } }))) {
    throw notFound(`There is no staff user ${id}.`);
  }
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  const user = await db.$transaction(async (tx) => {
    const updated = await tx.staffUser.update({
      where: { id },
      data: { passwordHash, mustChangePassword: true },
    });
    await revokeAllForUser(tx, id, new Date());
    await endAccessTokens(tx, id);
    await clearAllWrongPasswords(tx, updated.email);
    await recordAudit(tx, {
      entityType: 'staff_user',
      entityId: id,
      action: 'staff_user.password_reset',
      actor,
    });
    return updated;
  });
  return { user, temporaryPassword: password };
}
