import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManageTokens } from '../../src/bookings/manage-token.ts';
import { loadConfig } from '../../src/config.ts';
import { createDb, type Db } from '../../src/db/client.ts';
import { withKeptSecrets } from '../../src/secrets/kept-secrets.ts';
import { retirePublicLinks } from '../../src/secrets/retired-link-secret.ts';
import { createScratchDatabase, type ScratchDatabase } from '../db.ts';
import { createBooking, createSlot } from '../factories.ts';

/**
 * An install that ran without BOOKING_LINK_SECRET before 2026-12: its bookings' links were
 * derived from a value anyone could read in the repository. Upgrading must close them.
 */

const PUBLIC = new ManageTokens('sevabook-development-booking-link-secret');

let scratch: ScratchDatabase;
let db: Db;
beforeAll(async () => {
  scratch = await createScratchDatabase();
  db = createDb(scratch.url, 2);
});
afterAll(async () => {
  await db?.$disconnect();
  await scratch?.drop();
});

describe('links made with the retired public secret', () => {
  it('stop opening their bookings after the upgrade, which get links from the kept secret', async () => {
    const slot = await createSlot(db, { capacity: 10 });
    const made = [];
    for (let i = 0; i < 3; i++) made.push(await createBooking(db, { slotId: slot.id }));
    // Two were booked on the old default; one by an install with a secret of its own.
    for (const { booking } of made.slice(0, 2)) {
      await db.booking.update({
        where: { id: booking.id },
        data: { manageTokenHash: ManageTokens.hash(PUBLIC.tokenFor(booking.reference)) },
      });
    }
    await new Promise((resolve) => setTimeout(resolve, 5));

    // The upgraded install's first start: a secret is made and kept, then the links retired.
    const config = await withKeptSecrets(loadConfig({ NODE_ENV: 'development' }), db);
    const current = new ManageTokens(config.bookingLinkSecret);
    expect(await retirePublicLinks(db, current)).toBe(2);
    expect(await retirePublicLinks(db, current)).toBe(0);

    const rows = await db.booking.findMany({
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
