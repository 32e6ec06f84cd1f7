import { ManageTokens } from '../bookings/manage-token.ts';
import type { Db } from '../db/client.ts';

/**
 * NOTE: until 2026-12 an install without BOOKING_LINK_SECRET derived every manage link from
 * this value, written in the repository and so known to anyone: whoever had a booking's
 * reference could compute its link and read or cancel it. It is here only to recognise the
 * links made with it and replace them, never to make one (0010-secrets.md).
 */
const RETIRED_PUBLIC_LINK_SECRET = 'sevabook-development-booking-link-secret';

const BATCH = 1_000;

/**
 * Gives every booking whose manage link came from the retired public secret a link from the
 * kept one instead: its stored hash is replaced, so the old link no longer opens it, and the
 * next message about it carries the new link. Only bookings older than the kept secret can
 * have such a link; the update is conditional, so processes doing this at once change each
 * booking once. Returns how many were changed.
 */
export async function retirePublicLinks(db: Db, current: ManageTokens): Promise<number> {
  const kept = await db.serverSecret.findUnique({ where: { name: 'BOOKING_LINK_SECRET' } });
  if (!kept) return 0;
  const retired = new ManageTokens(RETIRED_PUBLIC_LINK_SECRET);
  let changed = 0;
  for (let afterId = 0; ;) {
    const rows = await db.booking.findMany({
      where: { id: { gt: afterId }, createdAt: { lt: kept.createdAt } },
      select: { id: true, reference: true, manageTokenHash: true },
      orderBy: { id: 'asc' },
      take: BATCH,
    });
    if (rows.length === 0) return changed;
    for (const row of rows) {
      if (row.manageTokenHash !== ManageTokens.hash(retired.tokenFor(row.reference))) continue;
      const { count } = await db.booking.updateMany({
        where: { id: row.id, manageTokenHash: row.manageTokenHash },
        data: { manageTokenHash: ManageTokens.hash(current.tokenFor(row.reference)) },
      });
      changed += count;
    }
    afterId = rows[rows.length - 1]!.id;
  }
}
