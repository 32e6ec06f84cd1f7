import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { devoteeActor } from '../../src/audit/audit-log.ts';
import { BookingWriter } from '../../src/bookings/booking-writer.ts';
import type { BookingRequest } from '../../src/bookings/booking-statements.ts';
import { writeBookings, type BatchOutcome } from '../../src/bookings/pipelined-booking.ts';
import { newReference } from '../../src/bookings/reference.ts';
import { connectionOptions } from '../../src/db/connection-options.ts';
import { isUniqueViolation } from '../../src/db/db-errors.ts';
import { openConnection, openPool } from '../../src/db/utc-driver.ts';
import { testDatabaseUrl, testDb } from '../db.ts';
import { createSeva, createSlot, uniquePhone } from '../factories.ts';

const db = testDb();
// Pools of this file's own: lock waits here give up after a second, not fifty.
const pool = openPool({
  ...connectionOptions(testDatabaseUrl()),
  connectionLimit: 4,
  initSql: 'SET SESSION innodb_lock_wait_timeout = 1',
});
afterAll(() => pool.end());

function request(slotId: number, fields: Partial<BookingRequest['row']> = {}): BookingRequest {
  return {
    row: {
      reference: newReference(),
      slotId,
      devoteeName: 'Gowri Bhat',
      phone: uniquePhone(),
      email: null,
      persons: 1,
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
      ...fields,
    },
    terms: {
      startsAt: new Date(Date.now() + 3 * 86_400_000),
      now: new Date(),
      actor: devoteeActor,
      audit: {},
    },
  };
}

async function newSlot(capacity: number) {
  const seva = await createSeva(db);
  return createSlot(db, { sevaId: seva.id, capacity });
}

/** What the database holds for a slot: places, bookings, and the rows written with them. */
async function stored(slotId: number) {
  const slot = await db.slot.findUniqueOrThrow({ where: { id: slotId } });
  const bookings = await db.booking.findMany({
    where: { slotId },
    include: { notifications: true, auditEntries: true },
    orderBy: { id: 'asc' },
  });
  return {
    booked: slot.booked,
    references: bookings.map((b) => b.reference),
    confirmations: bookings.map(
      (b) => b.notifications.filter((n) => n.kind === 'confirmation').length,
    ),
    audits: bookings.map((b) => b.auditEntries.length),
  };
}

const kind = (o: BatchOutcome) =>
  'taken' in o ? (o.taken ? 'taken' : 'full') : 'retry' in o ? 'retry' : 'error';

describe('one transaction carrying several bookings of a slot', () => {
  it('writes each booking that fits with its outbox row and audit entry, and refuses the others one by one', async () => {
    const slot = await newSlot(3);
    const first = request(slot.id);
    const batch = [
      first,
      request(slot.id, { phone: first.row.phone }), // the same phone again: refused alone
      request(slot.id, { persons: 2 }),
      request(slot.id), // no place left
    ];

    const { outcomes } = await writeBookings(pool, batch);

    expect(outcomes.map(kind)).toEqual(['taken', 'error', 'taken', 'full']);
    const duplicate = outcomes[1] as { error: unknown };
    expect(isUniqueViolation(duplicate.error, 'booking_one_confirmed_per_phone')).toBe(true);
    expect(outcomes[3]).toMatchObject({ taken: false, slot: { booked: 3, capacity: 3 } });
    expect(await stored(slot.id)).toEqual({
      booked: 3,
      references: [batch[0]!.row.reference, batch[2]!.row.reference],
      confirmations: [1, 1],
      audits: [1, 1],
    });
  });

  it('commits the bookings after a deadlock together, reports those rolled back, and they book when tried again', async () => {
    const slot = await newSlot(10);
    const other = await newSlot(10);
    const key = `writer-test-${randomBytes(6).toString('hex')}`;
    const batch = [request(slot.id), request(slot.id, { idempotencyKey: key }), request(slot.id)];

    // Another transaction holds the idempotency key the second booking needs, and is heavy, so
    // the server chooses the batch as the deadlock victim when it then wants the batch's slot.
    const blocker = await openConnection(connectionOptions(testDatabaseUrl()));
    try {
      await blocker.query('START TRANSACTION');
      for (let i = 0; i < 5; i++) {
        await blocker.query(
          `INSERT INTO audit_entry (entity_type, entity_id, action, actor_type, actor_label, created_at)
           SELECT 'test', seq, 'test.weight', 'system', 'test', NOW() FROM seq_1_to_100`,
        );
      }
      await blocker.query(
        `INSERT INTO booking (reference, slot_id, devotee_name, phone, persons, language, source,
           idempotency_key, manage_token_hash, created_at, updated_at)
         VALUES (?, ?, 'Blocker', ?, 1, 'en', 'web', ?, ?, NOW(), NOW())`,
        [newReference(), other.id, uniquePhone(), key, randomBytes(32).toString('hex')],
      );
      const written = writeBookings(pool, batch);
      // Once the batch holds the slot and waits for the key, ask for the slot: a cycle.
      await new Promise((resolve) => setTimeout(resolve, 300));
      await blocker.query('UPDATE slot SET capacity = capacity WHERE id = ?', [slot.id]);
      await blocker.query('ROLLBACK');

      const { outcomes } = await written;
      expect(outcomes.map(kind)).toEqual(['retry', 'retry', 'taken']);
      expect(await stored(slot.id)).toEqual({
        booked: 1,
        references: [batch[2]!.row.reference],
        confirmations: [1],
        audits: [1],
      });
    } finally {
      await blocker.end();
    }

    // The writer tries rolled-back bookings again, first in the queue.
    const writer = new BookingWriter(pool);
    const again = await Promise.all(batch.slice(0, 2).map((r) => writer.book(r.row, r.terms)));
    writer.close();
    expect(again.map((o) => o.taken)).toEqual([true, true]);
    expect((await stored(slot.id)).booked).toBe(3);
  });

  it('gathers the bookings that arrive while a transaction runs, and never sells more than the slot holds', async () => {
    const slot = await newSlot(25);
    const writer = new BookingWriter(pool, 10);
    const requests = Array.from({ length: 60 }, () => request(slot.id));

    const outcomes = await Promise.all(requests.map((r) => writer.book(r.row, r.terms)));
    writer.close();

    // First come, first served: the first 25 to ask have the places.
    expect(outcomes.map((o) => o.taken)).toEqual([
      ...Array<boolean>(25).fill(true),
      ...Array<boolean>(35).fill(false),
    ]);
    const after = await stored(slot.id);
    expect(after.booked).toBe(25);
    expect(after.references).toEqual(requests.slice(0, 25).map((r) => r.row.reference));
    expect(new Set(after.confirmations)).toEqual(new Set([1]));
  });
});
