import { describe, expect, it } from 'vitest';
import { rawPool, testDb } from '../db.ts';
import { createSlot, uniquePhone, uniqueSuffix } from '../factories.ts';

/**
 * DESIGN.md, "Invariants the database itself enforces": each one broken by a hand-typed SQL
 * statement, as a buggy caller or a tired operator would, and refused by the database itself.
 */

const db = testDb();
const sql = (statement: string, values: unknown[] = []) => rawPool().query(statement, values);

/** A confirmed booking inserted by hand; only the columns without defaults. */
async function insertBooking(
  slotId: number,
  fields: { phone?: string; reference?: string; idempotencyKey?: string | null } = {},
) {
  const result = (await sql(
    `INSERT INTO booking (reference, slot_id, devotee_name, phone, persons, source, idempotency_key, manage_token_hash)
     VALUES (?, ?, 'Raw SQL Devotee', ?, 1, 'counter', ?, REPEAT('0', 64))`,
    [
      fields.reference ?? `SB-${uniqueSuffix().toUpperCase()}`,
      slotId,
      fields.phone ?? uniquePhone(),
      fields.idempotencyKey ?? null,
    ],
  )) as { insertId: bigint };
  return Number(result.insertId);
}

const CHECK_FAILED =
  /CONSTRAINT `slot_booked_within_capacity` failed|Check constraint 'slot_booked_within_capacity' is violated/;
const duplicate = (index: string) => new RegExp(`Duplicate entry .* for key '(\\w+\\.)?${index}'`);

describe('1. a slot never holds more places than its capacity', () => {
  it('refuses booked = capacity + 1', async () => {
    const slot = await createSlot(db, { capacity: 3, booked: 2 });

    await expect(
      sql('UPDATE slot SET booked = capacity + 1 WHERE id = ?', [slot.id]),
    ).rejects.toThrow(CHECK_FAILED);
    expect((await db.slot.findUniqueOrThrow({ where: { id: slot.id } })).booked).toBe(2);
  });

  it('refuses booked = -1', async () => {
    const slot = await createSlot(db, { capacity: 3 });

    await expect(sql('UPDATE slot SET booked = -1 WHERE id = ?', [slot.id])).rejects.toThrow(
      CHECK_FAILED,
    );
    expect((await db.slot.findUniqueOrThrow({ where: { id: slot.id } })).booked).toBe(0);
  });

  it('refuses lowering the capacity below the places already booked', async () => {
    const slot = await createSlot(db, { capacity: 5, booked: 4 });

    await expect(sql('UPDATE slot SET capacity = 3 WHERE id = ?', [slot.id])).rejects.toThrow(
      CHECK_FAILED,
    );
  });

  it('allows a slot to be exactly full', async () => {
    const slot = await createSlot(db, { capacity: 3 });

    await sql('UPDATE slot SET booked = capacity WHERE id = ?', [slot.id]);
    expect((await db.slot.findUniqueOrThrow({ where: { id: slot.id } })).booked).toBe(3);
  });
});

describe('2. one phone holds at most one confirmed booking per slot', () => {
  it('refuses a second confirmed booking for the same phone in the same slot', async () => {
    const slot = await createSlot(db);
    const phone = uniquePhone();
    await insertBooking(slot.id, { phone });

    await expect(insertBooking(slot.id, { phone })).rejects.toThrow(
      duplicate('booking_one_confirmed_per_phone'),
    );
    expect(await db.booking.count({ where: { slotId: slot.id } })).toBe(1);
  });

  it('lets the phone book the slot again once its booking is cancelled', async () => {
    const slot = await createSlot(db);
    const phone = uniquePhone();
    const first = await insertBooking(slot.id, { phone });

    await sql(`UPDATE booking SET status = 'cancelled' WHERE id = ?`, [first]);
    await insertBooking(slot.id, { phone });
    // ...and a booking cancelled twice over does not block either.
    await sql(`UPDATE booking SET status = 'cancelled' WHERE slot_id = ? AND phone = ?`, [
      slot.id,
      phone,
    ]);
    await insertBooking(slot.id, { phone });

    const rows = await db.booking.findMany({
      where: { slotId: slot.id, phone },
      orderBy: { id: 'asc' },
    });
    expect(rows.map((b) => [b.status, b.confirmedMark])).toEqual([
      ['cancelled', null],
      ['cancelled', null],
      ['confirmed', 1],
    ]);
  });

  it('refuses to confirm a cancelled booking again while the phone holds another', async () => {
    const slot = await createSlot(db);
    const phone = uniquePhone();
    const first = await insertBooking(slot.id, { phone });
    await sql(`UPDATE booking SET status = 'cancelled' WHERE id = ?`, [first]);
    await insertBooking(slot.id, { phone });

    await expect(
      sql(`UPDATE booking SET status = 'confirmed' WHERE id = ?`, [first]),
    ).rejects.toThrow(duplicate('booking_one_confirmed_per_phone'));
  });

  it('lets the same phone book two different slots', async () => {
    const [a, b] = [await createSlot(db), await createSlot(db)];
    const phone = uniquePhone();

    await insertBooking(a.id, { phone });
    await insertBooking(b.id, { phone });
    expect(await db.booking.count({ where: { phone } })).toBe(2);
  });
});

describe('3. a retried request never makes a second booking', () => {
  it('refuses a second booking with the same idempotency key, even for another slot', async () => {
    const [a, b] = [await createSlot(db), await createSlot(db)];
    const key = `retry-${uniqueSuffix()}`;
    await insertBooking(a.id, { idempotencyKey: key });

    await expect(insertBooking(b.id, { idempotencyKey: key })).rejects.toThrow(
      duplicate('booking_idempotency_key_key'),
    );
    expect(await db.booking.count({ where: { idempotencyKey: key } })).toBe(1);
  });

  it('allows any number of bookings without a key', async () => {
    const slot = await createSlot(db);
    await insertBooking(slot.id);
    await insertBooking(slot.id);
    expect(await db.booking.count({ where: { slotId: slot.id, idempotencyKey: null } })).toBe(2);
  });
});

describe('4. a booking event produces exactly one notification of its kind', () => {
  const insertNotification = (bookingId: number, kind: string, eventSeq: number) =>
    sql(
      `INSERT INTO notification (booking_id, kind, channel, event_seq, due_at)
       VALUES (?, ?, 'whatsapp', ?, NOW(3))`,
      [bookingId, kind, eventSeq],
    );

  it('refuses a second notification for the same booking, kind, channel and event', async () => {
    const booking = await insertBooking((await createSlot(db)).id);
    await insertNotification(booking, 'confirmation', 1);

    await expect(insertNotification(booking, 'confirmation', 1)).rejects.toThrow(
      duplicate('notification_one_per_event'),
    );
    expect(await db.notification.count({ where: { bookingId: booking } })).toBe(1);
  });

  it('allows one of each kind, and one per event of the same kind', async () => {
    const booking = await insertBooking((await createSlot(db)).id);

    await insertNotification(booking, 'confirmation', 1);
    await insertNotification(booking, 'reminder', 0);
    await insertNotification(booking, 'change', 2);
    await insertNotification(booking, 'change', 3);
    expect(await db.notification.count({ where: { bookingId: booking } })).toBe(4);
  });
});

describe('5. booking references are unique', () => {
  it('refuses a second booking with the same reference', async () => {
    const [a, b] = [await createSlot(db), await createSlot(db)];
    const reference = `SB-${uniqueSuffix().toUpperCase()}`;
    await insertBooking(a.id, { reference });

    await expect(insertBooking(b.id, { reference })).rejects.toThrow(
      duplicate('booking_reference_key'),
    );
    expect(await db.booking.count({ where: { reference } })).toBe(1);
  });
});
