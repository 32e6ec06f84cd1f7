import { createHmac, hkdfSync, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { SIGN_IN_CODE_LENGTH } from '@sevabook/shared';
import type { Config } from '../config.ts';
import type { Tx } from '../db/client.ts';
import { AppError } from '../errors.ts';

export type MyBookingsSettings = Config['myBookings'];

/**
 * The 6-digit codes that let a devotee see the bookings of a phone they hold. A code is kept
 * only as an HMAC: a plain SHA-256 of six digits is undone by trying all million of them, so
 * the key (derived from JWT_SECRET, which is never a constant: docs/decisions/0010-secrets.md)
 * is what keeps a leaked backup from giving the codes away. The phone is part of what is
 * hashed, so one phone's code is no good for another.
 */
export class SignInCodeHasher {
  private readonly key: Buffer;

  constructor(secret: string) {
    this.key = Buffer.from(hkdfSync('sha256', secret, 'sevabook', 'my bookings sign-in code', 32));
  }

  hash(phone: string, code: string): string {
    return createHmac('sha256', this.key).update(`${phone}\n${code}`).digest('hex');
  }

  /** Constant-time: how long a wrong code takes does not tell how close it was. */
  matches(phone: string, code: string, storedHash: string): boolean {
    const given = Buffer.from(this.hash(phone, code), 'hex');
    const stored = Buffer.from(storedHash, 'hex');
    return given.length === stored.length && timingSafeEqual(given, stored);
  }
}

/** Six digits from the system's CSPRNG; leading zeros kept. */
export function newSignInCode(): string {
  return String(randomInt(0, 10 ** SIGN_IN_CODE_LENGTH)).padStart(SIGN_IN_CODE_LENGTH, '0');
}

export type IssuedCode =
  { kind: 'issued'; id: number; code: string } | { kind: 'limited'; retryAfterSeconds: number };

/**
 * Makes a code for `phone`, unless the phone has had `codesPerPhone` in the last
 * `codeWindowMinutes`. The row is written first and the window counted after: of requests
 * racing for the last place, whichever counts last sees them all, so no more than the limit
 * are ever let through. A refused request's row is removed, so flooding a phone with requests
 * does not keep its owner out for longer.
 */
export async function issueSignInCode(
  db: Tx,
  hasher: SignInCodeHasher,
  settings: MyBookingsSettings,
  phone: string,
  now: Date,
): Promise<IssuedCode> {
  const code = newSignInCode();
  const row = await db.phoneSignInCode.create({
    data: {
      phone,
      codeHash: hasher.hash(phone, code),
      expiresAt: new Date(now.getTime() + settings.codeTtlMinutes * 60_000),
      createdAt: now,
    },
    select: { id: true },
  });
  const windowMs = settings.codeWindowMinutes * 60_000;
  const recent = await db.phoneSignInCode.findMany({
    where: { phone, createdAt: { gt: new Date(now.getTime() - windowMs) } },
    select: { id: true, createdAt: true },
    orderBy: { createdAt: 'asc' },
  });
  if (recent.length <= settings.codesPerPhone) return { kind: 'issued', id: row.id, code };

  await db.phoneSignInCode.delete({ where: { id: row.id } });
  const kept = recent.filter((r) => r.id !== row.id);
  // The next request is let through once enough of the kept ones have left the window.
  const freedBy = kept[kept.length - settings.codesPerPhone] ?? kept[0];
  const waitMs = (freedBy ? freedBy.createdAt.getTime() + windowMs : now.getTime()) - now.getTime();
  return { kind: 'limited', retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
}

const codeInvalid = () =>
  new AppError(
    401,
    'code_invalid',
    'Code not right',
    'This code is not the one we sent to this number. Check the newest message and try again.',
  );

/** A hash no code has: a phone with no code costs the same comparison as a wrong code. */
const NO_CODE_HASH = createHmac('sha256', randomBytes(32)).update('none').digest('hex');

/**
 * Checks `code` against the newest code sent to `phone` and uses it up. Returns the code's row
 * id, which names the session. The attempt is counted before the comparison, by one
 * conditional UPDATE, so concurrent guesses can never make more than `attemptsPerCode`
 * between them, and a right code sent after them is refused too.
 */
export async function redeemSignInCode(
  db: Tx,
  hasher: SignInCodeHasher,
  settings: MyBookingsSettings,
  phone: string,
  code: string,
  now: Date,
): Promise<number> {
  const latest = await db.phoneSignInCode.findFirst({
    where: { phone },
    orderBy: { id: 'desc' },
  });
  if (!latest || latest.usedAt) {
    hasher.matches(phone, code, NO_CODE_HASH);
    throw codeInvalid();
  }
  if (latest.expiresAt.getTime() <= now.getTime()) {
    throw new AppError(
      422,
      'code_expired',
      'Code expired',
      `Codes work for ${settings.codeTtlMinutes} minutes. Ask for a new one.`,
    );
  }
  // NOTE: raw SQL because the limit must be checked and the attempt counted in one statement;
  // a read followed by an update would let parallel guesses all see "4 tries so far".
  const counted = await db.$executeRaw`
    UPDATE phone_sign_in_code SET attempts = attempts + 1
    WHERE id = ${latest.id} AND attempts < ${settings.attemptsPerCode} AND used_at IS NULL`;
  if (counted === 0) {
    throw new AppError(
      422,
      'too_many_attempts',
      'Too many tries',
      'This code has been tried too many times. Ask for a new one.',
    );
  }
  if (!hasher.matches(phone, code, latest.codeHash)) throw codeInvalid();
  const used = await db.$executeRaw`
    UPDATE phone_sign_in_code SET used_at = ${now} WHERE id = ${latest.id} AND used_at IS NULL`;
  if (used === 0) throw codeInvalid();
  return latest.id;
}
