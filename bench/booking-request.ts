/**
 * The booking requests the driver-only yardsticks hand to the API's writer: the row the API
 * would write for a web booking of `persons` without sankalpa details, judged by the slot as
 * read (bookings/slot-facts.ts). Used by flash-sale.ts and writer-server.ts.
 */
import { randomBytes } from 'node:crypto';
import type { Pool } from 'mariadb';
import { devoteeActor } from '@sevabook/api/audit/audit-log';
import type { BookingRequest } from '@sevabook/api/bookings/booking-statements';

/** What the API judges a booking of a slot by, and its transaction checks. */
export interface SlotJudgement {
  id: number;
  startsAt: Date;
  sevaId: number;
  sevaUpdatedAt: Date;
}

export async function readJudgements(
  pool: Pool,
  slotIds: number[],
): Promise<Map<number, SlotJudgement>> {
  const rows = await pool.query<SlotJudgement[]>(
    `SELECT s.id, s.starts_at AS startsAt, v.id AS sevaId, v.updated_at AS sevaUpdatedAt
     FROM slot s JOIN seva v ON v.id = s.seva_id WHERE s.id IN (?)`,
    [slotIds],
  );
  return new Map(
    rows.map((r) => [Number(r.id), { ...r, id: Number(r.id), sevaId: Number(r.sevaId) }]),
  );
}

export function bookingRequest(
  slot: SlotJudgement,
  devotee: { devoteeName: string; phone: string; persons: number },
): BookingRequest {
  return {
    row: {
      reference: `SB-${randomBytes(5).toString('hex').toUpperCase()}`,
      slotId: slot.id,
      ...devotee,
      email: null,
      gotra: null,
      nakshatra: null,
      rashi: null,
      language: 'en',
      privacyNoticeVersion: null,
      source: 'web',
      idempotencyKey: null,
      idempotencyFingerprint: null,
      manageTokenHash: randomBytes(32).toString('hex'),
      createdByStaffId: null,
      apiKeyId: null,
      // A free seva's booking, confirmed at once, as in the plain flash sale.
      status: 'confirmed',
      feePaise: 0,
      pays: 'counter',
      holdExpiresAt: null,
    },
    terms: {
      startsAt: slot.startsAt,
      judgedBy: slot,
      now: new Date(),
      actor: devoteeActor,
      audit: {},
    },
  };
}
