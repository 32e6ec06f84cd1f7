import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { referencePattern } from '@sevabook/shared';

/**
 * The code in a booking's QR: its reference, a dot and a signature, e.g.
 * `SB-7K3Q9P.9F2C07A1D4E85B3C6A`. It lets staff at the gate check the booking in and nothing else:
 * it is not the manage token, and nothing about the token can be learnt from it.
 *
 * Short on purpose. Every character is in the QR alphanumeric set (A–Z, 0–9, `-`, `.`), so the
 * 28 characters fit a version 2 symbol (25×25 modules) even at error correction Q, which a
 * gate phone reads from a cracked screen at arm's length. The signature is 72 bits (18
 * upper-case hex characters) of HMAC-SHA256 over a purpose string and the reference, with a key derived by
 * HKDF from BOOKING_LINK_SECRET under its own label, so it cannot stand in for a manage token
 * or the other way round. See docs/decisions/0019-check-in-codes-and-waitlist-offers.md.
 */
export class CheckInCodes {
  private readonly key: Buffer;

  constructor(secret: string) {
    this.key = Buffer.from(hkdfSync('sha256', secret, 'sevabook', 'booking check-in code', 32));
  }

  codeFor(reference: string): string {
    return `${reference}${SEPARATOR}${this.signatureOf(reference)}`;
  }

  /**
   * The reference a code was issued for, or null when the code is not one this server signed
   * (forged, truncated, mistyped). The signature is compared in constant time, and a code of
   * the wrong shape costs the same HMAC as one of the right shape.
   */
  referenceOf(code: string): string | null {
    const text = code.trim().toUpperCase();
    const at = text.lastIndexOf(SEPARATOR);
    const reference = at === -1 ? text : text.slice(0, at);
    const given = Buffer.from(at === -1 ? '' : text.slice(at + 1));
    const expected = Buffer.from(this.signatureOf(reference));
    const sameLength = given.length === expected.length;
    // NOTE: timingSafeEqual needs equal lengths; compare the expected value with itself otherwise
    // so a short code takes as long as a wrong one.
    const matches = timingSafeEqual(sameLength ? given : expected, expected) && sameLength;
    return matches && referencePattern.test(reference) ? reference : null;
  }

  private signatureOf(reference: string): string {
    const mac = createHmac('sha256', this.key).update(`${PURPOSE}${reference}`).digest();
    return mac.subarray(0, SIGNATURE_BYTES).toString('hex').toUpperCase();
  }
}

const SEPARATOR = '.';
const PURPOSE = 'sevabook check-in:';
/** 9 bytes = 72 bits: guessing the signature of a known reference takes ~10^21 tries. */
const SIGNATURE_BYTES = 9;
