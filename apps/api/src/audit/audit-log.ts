import type { Tx } from '../db/client.ts';
import { executeIn, insertAuditEntries, type AuditFields } from '../db/event-rows.ts';
import type { ActorType, Booking } from '../generated/prisma/client.ts';

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
  const { entityId, bookingId = null } = record;
  await executeIn(
    tx,
    insertAuditEntries([{ ...auditFields(record, new Date()), entityId, bookingId }]),
  );
}

/** An audit entry's columns but the ids; the booking transaction finds those by reference. */
export function auditFields(
  record: Omit<AuditRecord, 'entityId' | 'bookingId'>,
  at: Date,
): AuditFields {
  return {
    entityType: record.entityType,
    action: record.action,
    actorType: record.actor.type,
    actorId: record.actor.id ?? null,
    actorLabel: record.actor.label,
    before: record.before === undefined ? null : JSON.stringify(record.before),
    after: record.after === undefined ? null : JSON.stringify(record.after),
    at,
  };
}

/** What the audit trail keeps of a booking. */
export function auditView(b: AuditedBooking) {
  return {
    reference: b.reference,
    status: b.status,
    slotId: b.slotId,
    devoteeName: b.devoteeName,
    phone: b.phone,
    email: b.email,
    persons: b.persons,
    gotra: b.gotra,
    nakshatra: b.nakshatra,
    rashi: b.rashi,
  };
}

type AuditedBooking = Pick<
  Booking,
  | 'reference'
  | 'status'
  | 'slotId'
  | 'devoteeName'
  | 'phone'
  | 'email'
  | 'persons'
  | 'gotra'
  | 'nakshatra'
  | 'rashi'
>;
