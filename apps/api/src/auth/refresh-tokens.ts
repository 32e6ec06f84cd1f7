import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Db, Tx } from '../db/client.ts';
import type { StaffUser } from '../generated/prisma/client.ts';

/**
 * Refresh tokens are opaque random strings (never JWTs, so one can never pass as an access
 * token), stored only as their SHA-256. Each use rotates the token; each login starts a family.
 * Presenting a token that was already rotated means it was stolen or replayed: the whole family
 * is revoked, which signs out the thief and the rightful user alike, and the user's session
 * version goes up, so the access tokens already handed out stop working at once too.
 */

export interface IssuedRefreshToken {
  token: string;
  expiresAt: Date;
}

export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function issueRefreshToken(
  db: Tx,
  staffUserId: number,
  ttlDays: number,
  now: Date,
  familyId: string = randomUUID(),
): Promise<IssuedRefreshToken> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + ttlDays * 86_400_000);
  await db.refreshToken.create({
    data: { staffUserId, familyId, tokenHash: hashRefreshToken(token), expiresAt },
  });
  return { token, expiresAt };
}

export type RotationResult =
  | { ok: true; user: StaffUser; next: IssuedRefreshToken }
  | { ok: false; reason: 'unknown' | 'expired' | 'reused' | 'revoked' | 'user_inactive' };

export async function rotateRefreshToken(
  db: Db,
  token: string,
  ttlDays: number,
  now: Date,
): Promise<RotationResult> {
  // NOTE: the transaction commits even when the token is refused, so that a reuse's family
  // revocation sticks; the caller turns a refusal into a 401 afterwards.
  return db.$transaction(async (tx) => {
    const tokenHash = hashRefreshToken(token);
    // Lock the row: two refreshes with one token must not both succeed.
    const rows = await tx.$queryRaw<{ id: number }[]>`
      SELECT id FROM refresh_token WHERE token_hash = ${tokenHash} FOR UPDATE`;
    const id = rows[0]?.id;
    if (id === undefined) return { ok: false, reason: 'unknown' } as const;
    const stored = await tx.refreshToken.findUniqueOrThrow({
      where: { id },
      include: { staffUser: true },
    });

    if (stored.rotatedAt) {
      await revokeFamily(tx, stored.familyId, now);
      await endAccessTokens(tx, stored.staffUserId);
      return { ok: false, reason: 'reused' } as const;
    }
    if (stored.revokedAt) return { ok: false, reason: 'revoked' } as const;
    if (stored.expiresAt <= now) return { ok: false, reason: 'expired' } as const;
    const user = stored.staffUser;
    if (!user.active) {
      await revokeFamily(tx, stored.familyId, now);
      return { ok: false, reason: 'user_inactive' } as const;
    }

    await tx.refreshToken.update({ where: { id }, data: { rotatedAt: now } });
    const next = await issueRefreshToken(tx, user.id, ttlDays, now, stored.familyId);
    return { ok: true, user, next } as const;
  });
}

/** Signs out the session a refresh token belongs to. Unknown tokens are ignored. */
export async function revokeRefreshToken(db: Tx, token: string, now: Date): Promise<void> {
  const stored = await db.refreshToken.findUnique({
    where: { tokenHash: hashRefreshToken(token) },
  });
  if (stored) await revokeFamily(db, stored.familyId, now);
}

export async function revokeFamily(db: Tx, familyId: string, now: Date): Promise<void> {
  await db.refreshToken.updateMany({
    where: { familyId, revokedAt: null },
    data: { revokedAt: now },
  });
}

/**
 * Signs a staff user out everywhere (deactivation, password reset), or everywhere but the
 * session of `keptFamilyId` (the one in which they changed their own password).
 */
export async function revokeAllForUser(
  db: Tx,
  staffUserId: number,
  now: Date,
  keptFamilyId?: string,
): Promise<void> {
  await db.refreshToken.updateMany({
    where: {
      staffUserId,
      revokedAt: null,
      ...(keptFamilyId ? { familyId: { not: keptFamilyId } } : {}),
    },
    data: { revokedAt: now },
  });
}

/** The session (family) a live refresh token of this user belongs to, or undefined. */
export async function liveFamilyOf(
  db: Tx,
  staffUserId: number,
  token: string | undefined,
  now: Date,
): Promise<string | undefined> {
  if (!token) return undefined;
  const stored = await db.refreshToken.findUnique({
    where: { tokenHash: hashRefreshToken(token) },
  });
  const live =
    stored?.staffUserId === staffUserId &&
    !stored.revokedAt &&
    !stored.rotatedAt &&
    stored.expiresAt > now;
  return live ? stored.familyId : undefined;
}

/**
 * Every access token the user holds stops working on its next request (auth-plugin.ts compares
 * the version in the token with the account's), without waiting up to 15 minutes for it to
 * expire.
 */
export async function endAccessTokens(db: Tx, staffUserId: number): Promise<void> {
  await db.staffUser.update({
    where: { id: staffUserId },
    data: { sessionVersion: { increment: 1 } },
  });
}
