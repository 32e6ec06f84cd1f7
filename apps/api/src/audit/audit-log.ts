import type { Tx } from '../db/client.ts';
import type { ActorType } from '../generated/prisma/client.ts';

/** Who did something: a staff user, a devotee through their link, an API key, or Sevabook itself. */
export interface Actor {
  type: ActorType;
  id?: number;
  label: string;
}

export const devoteeActor: Actor = { type: 'devotee', label: 'devotee' };

export interface AuditRecord {
  entityType:
    | 'booking'
    | 'seva'
    | 'schedule'
    | 'slot'
    | 'closed_date'
    | 'staff_user'
    | 'api_key'
    /** Bulk reads and erasures of devotees' details (entityId 0: no one row). */
    | 'personal_data';
  entityId: number;
  bookingId?: number;
  action: string;
  actor: Actor;
  before?: unknown;
  after?: unknown;
}

/** Writes one audit entry inside the caller's transaction, so it exists exactly when the change does. */
export async function recordAudit(tx: Tx, record: AuditRecord): Promise<void> {
  // createMany: one INSERT, without the SELECT a create adds to return the row.
  await tx.auditEntry.createMany({
    data: {
      entityType: record.entityType,
      entityId: record.entityId,
      bookingId: record.bookingId ?? null,
      action: record.action,
      actorType: record.actor.type,
      actorId: record.actor.id ?? null,
      actorLabel: record.actor.label,
      before: record.before === undefined ? null : JSON.stringify(record.before),
      after: record.after === undefined ? null : JSON.stringify(record.after),
    },
  });
}
