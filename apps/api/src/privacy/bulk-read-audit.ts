import type { Tx } from '../db/client.ts';
import { recordAudit, type Actor } from '../audit/audit-log.ts';

/** The reads of many devotees' details at once that leave a trace. */
export type BulkRead =
  | 'bookings.searched'
  | 'day_sheet.read'
  | 'day_sheet.exported'
  | 'collections.read'
  | 'collections.exported';

/**
 * Records that someone read many devotees' details at once: who, what, when and how many
 * rows, as an audit entry of the `personal_data` kind. The filters are kept so the read can be
 * understood later, but never the free-text search (it is a name or a number) nor anything
 * the rows held.
 */
export async function recordBulkRead(
  db: Tx,
  actor: Actor,
  read: BulkRead,
  rows: number,
  filters: Record<string, unknown>,
): Promise<void> {
  const { q, ...kept } = filters;
  await recordAudit(db, {
    entityType: 'personal_data',
    entityId: 0,
    action: read,
    actor,
    after: { rows, filters: { ...kept, ...(q === undefined ? {} : { q: '(text search)' }) } },
  });
}
