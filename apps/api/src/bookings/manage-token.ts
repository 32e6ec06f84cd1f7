import { createHash, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The secret in a devotee's manage link. It is 128 bits, derived from the server's link secret
 * and the booking reference, and only its SHA-256 is stored. Deriving (rather than storing) it
 * lets the notifier put the link into every message and lets an Idempotency-Key replay return
 * it again, without the token ever sitting in the database. Checking needs only the stored
 * hash, so links keep working if the secret is rotated (only new messages get new links).
 * See docs/decisions/0003-manage-links.md.
 */
export class ManageTokens {
  private readonly key: Buffer;

  constructor(secret: string) {
    this.key = Buffer.from(hkdfSync('sha256', secret, 'sevabook', 'booking manage token', 32));
  }

  tokenFor(reference: string): string {
    return createHmac('sha256', this.key)
      .update(reference)
      .digest()
      .subarray(0, 16)
      .toString('base64url');
  }

  static hash(token: string): string {
    return createHash('sha256').update(token).digest('hex');
  }

  static matches(token: string | undefined, storedHash: string): boolean {
    if (!token) return false;
    const given = Buffer.from(ManageTokens.hash(token), 'hex');
    const stored = Buffer.from(storedHash, 'hex');
    return given.length === stored.length && timingSafeEqual(given, stored);
  }

  /**
   * Checks a token against a booking's stored hash, or against a hash no token has when there is
   * no such booking: an unknown reference costs the same hash and comparison as a wrong token,
   * so how long a 404 takes does not tell a guesser which references exist.
   */
  static matchesBooking(token: string | undefined, storedHash: string | undefined): boolean {
    const matched = ManageTokens.matches(token, storedHash ?? NO_BOOKING_HASH);
    return storedHash !== undefined && matched;
  }
}

const NO_BOOKING_HASH = ManageTokens.hash(randomBytes(16).toString('base64url'));
