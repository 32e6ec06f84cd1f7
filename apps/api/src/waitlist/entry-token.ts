import type { ManageTokens } from '../bookings/manage-token.ts';

/**
 * The secret in a waitlist entry's link: derived from the server's link secret and the entry's
 * id, like a booking's manage token (docs/decisions/0003-manage-links.md), so the offer message
 * can carry it while only its SHA-256 is stored. The `waitlist-entry/` name keeps it apart from
 * every booking reference (SB-…).
 */
export function waitlistTokenFor(tokens: ManageTokens, entryId: number): string {
  return tokens.tokenFor(`waitlist-entry/${entryId}`);
}

/** The entry's page on the devotee site, opened in the devotee's language. */
export function waitlistPageUrl(
  publicUrl: string,
  tokens: ManageTokens,
  entryId: number,
  language: string,
): string {
  return `${publicUrl}/waitlist/${entryId}?token=${waitlistTokenFor(tokens, entryId)}&lang=${language}`;
}
