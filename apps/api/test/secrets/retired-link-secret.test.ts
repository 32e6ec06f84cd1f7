import { describe, expect, it } from 'vitest';
import { ManageTokens } from '../../src/bookings/manage-token.ts';
import { loadConfig } from '../../src/config.ts';
import { withKeptSecrets } from '../../src/secrets/kept-secrets.ts';
import { retirePublicLinks } from '../../src/secrets/retired-link-secret.ts';
import { scratchDbForSuite } from '../db.ts';
import { createBooking, createSlot } from '../factories.ts';

/**
 * An install that ran without BOOKING_LINK_SECRET before 2026-12: its bookings' links were
 * derived from a value anyone could read in the repository. Upgrading must close them.
 */

const PUBLIC = new ManageTokens('sevabook-development-booking-link-secret');

const scratch = scratchDbForSuite();

describe('links made with the retired public secret', () => {
  it('stop opening their bookings after the upgrade, which get links from the kept secret', async () => {
    const slot = await createSlot(scratch.db, { capacity: 10 });
    const made = [];
    for (let i = 0; i < 3; i++) made.push(await createBooking(scratch.db, { slotId: slot.id }));
    // Two were booked on the old default; one by an install with a secret of its own.
    for (const { booking } of made.slice(0, 2)) {
      await scratch.db.booking.update({
        where: { id: booking.id },
        data: { manageTokenHash: ManageTokens.hash(PUBLIC.tokenFor(booking.reference)) },
      });
    }
    await new Promise((resolve) => setTimeout(resolve, 5));

    // The upgraded install's first start: a secret is made and kept, then the links retired.
    const config = await withKeptSecrets(loadConfig({ NODE_ENV: 'development' }), scratch.db);
    const current = new ManageTokens(config.bookingLinkSecret);
    expect(await retirePublicLinks(scratch.db, current)).toBe(2);
    expect(await retirePublicLinks(scratch.db, current)).toBe(0);

    const rows = await scratch.db.booking.findMany({
      where: { id: { in: made.map((m) => m.booking.id) } },
      orderBy: { id: 'asc' },
    });
    for (const row of rows.slice(0, 2)) {
      expect(ManageTokens.matches(PUBLIC.tokenFor(row.reference), row.manageTokenHash)).toBe(false);
      expect(ManageTokens.matches(current.tokenFor(row.reference), row.manageTokenHash)).toBe(true);
    }
    // The booking whose link never came from the public secret keeps its link.
    expect(ManageTokens.matches(made[2]!.manageToken, rows[2]!.manageTokenHash)).toBe(true);
  });
});
