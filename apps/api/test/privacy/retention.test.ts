import { describe, expect, it, vi } from 'vitest';
import { ANONYMISED_NAME, isAnonymisedPhone } from '../../src/privacy/anonymise.ts';
import { anonymiseExpiredBookings, PersonalDataRetention } from '../../src/privacy/retention.ts';
import { testDb } from '../db.ts';
import { createBooking, createSeva, createSlot, uniqueSuffix } from '../factories.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
const db = testDb();

/**
 * Every test here judges "now" from a day long ago, so that the retention rule only ever
 * reaches the bookings this file makes (other files share the database); each test's day is a
 * month before the last one's, so it never reaches the bookings of the tests before it.
 */
let testsSoFar = 0;
function ancientDay(): Date {
  return new Date(Date.UTC(2001, 0, 1 - 30 * testsSoFar++, 1, 0));
}

const silent = { info: () => {}, error: () => {} };

/** A seva's slot `daysBefore` days before `now`, with a confirmed booking full of details. */
async function pastBooking(now: Date, daysBefore: number, extra: { slotId?: number } = {}) {
  const seva = await createSeva(db, { asksGotra: true, asksNakshatra: true, asksRashi: true });
  const slotId =
    extra.slotId ??
    (
      await createSlot(db, {
        sevaId: seva.id,
        startsAt: new Date(now.getTime() - daysBefore * DAY_MS),
      })
    ).id;
  const name = `Govinda ${uniqueSuffix()}`;
  const { booking } = await createBooking(db, {
    slotId,
    devoteeName: name,
    email: 'govinda@example.org',
    gotra: 'Bharadwaja',
    nakshatra: 'rohini',
    rashi: 'vrishabha',
    persons: 2,
  });
  await db.auditEntry.create({
    data: {
      bookingId: booking.id,
      entityType: 'booking',
      entityId: booking.id,
      action: 'booking.cancelled',
      actorType: 'staff',
      actorLabel: 'counter@temple.example',
      before: JSON.stringify({ devoteeName: name, phone: booking.phone, persons: 2 }),
      after: JSON.stringify({ devoteeName: name, phone: booking.phone, reason: `${name} is ill` }),
    },
  });
  await db.notification.create({
    data: {
      bookingId: booking.id,
      kind: 'confirmation',
      eventSeq: 1,
      status: 'dead',
      dueAt: now,
      lastError: `Could not reach ${booking.phone}`,
    },
  });
  return { booking, name, slotId };
}

describe('anonymising bookings past the retention period', () => {
  it('replaces the devotee’s details, audit copies and message errors, and keeps counts and fees', async () => {
    const now = ancientDay();
    const old = await pastBooking(now, 401);
    // Two confirmed bookings of one slot: their placeholders must not collide.
    const sameSlot = await pastBooking(now, 401, { slotId: old.slotId });
    const recent = await pastBooking(now, 399);
    const slotBefore = await db.slot.findUniqueOrThrow({ where: { id: old.slotId } });

    const counts = await anonymiseExpiredBookings(db, 400, now);

    expect(counts).toEqual({ bookings: 2, notifications: 2, auditEntries: 2 });
    for (const { booking, name } of [old, sameSlot]) {
      const after = await db.booking.findUniqueOrThrow({ where: { id: booking.id } });
      expect(after).toMatchObject({
        devoteeName: ANONYMISED_NAME,
        email: null,
        gotra: null,
        nakshatra: null,
        rashi: null,
        reference: booking.reference,
        persons: 2,
        status: 'confirmed',
        slotId: booking.slotId,
      });
      expect(isAnonymisedPhone(after.phone)).toBe(true);
      const audit = await db.auditEntry.findFirstOrThrow({ where: { bookingId: booking.id } });
      expect(JSON.parse(audit.before!)).toEqual({
        devoteeName: ANONYMISED_NAME,
        phone: null,
        persons: 2,
      });
      expect(`${audit.before}${audit.after}`).not.toContain(name);
      const message = await db.notification.findFirstOrThrow({ where: { bookingId: booking.id } });
      expect(message).toMatchObject({ lastError: null, status: 'cancelled' });
    }
    const [a, b] = await db.booking.findMany({ where: { slotId: old.slotId } });
    expect(a!.phone).not.toBe(b!.phone);
    // Places and fees of the slot stay as they were, for the reports.
    expect(await db.slot.findUniqueOrThrow({ where: { id: old.slotId } })).toMatchObject({
      booked: slotBefore.booked,
    });

    const untouched = await db.booking.findUniqueOrThrow({ where: { id: recent.booking.id } });
    expect(untouched).toMatchObject({ devoteeName: recent.name, phone: recent.booking.phone });
  });

  it('does the work once when several processes run it at the same time', async () => {
    const now = ancientDay();
    const bookings = await Promise.all(Array.from({ length: 5 }, () => pastBooking(now, 500)));

    const runs = await Promise.all([1, 2, 3].map(() => anonymiseExpiredBookings(db, 400, now)));

    expect(runs.reduce((sum, run) => sum + run.bookings, 0)).toBe(5);
    const rows = await db.booking.findMany({
      where: { id: { in: bookings.map((b) => b.booking.id) } },
    });
    expect(rows.every((r) => r.devoteeName === ANONYMISED_NAME && isAnonymisedPhone(r.phone))).toBe(
      true,
    );
    expect(await anonymiseExpiredBookings(db, 400, now)).toEqual({
      bookings: 0,
      notifications: 0,
      auditEntries: 0,
    });
  });

  it('runs by itself in the notifier’s process, and stops with it', async () => {
    const now = ancientDay();
    const { booking } = await pastBooking(now, 450);
    const retention = new PersonalDataRetention(db, 400, silent, DAY_MS, 0, () => now);

    retention.start();
    await vi.waitFor(
      async () => {
        const row = await db.booking.findUniqueOrThrow({ where: { id: booking.id } });
        expect(row.devoteeName).toBe(ANONYMISED_NAME);
      },
      { timeout: 10_000, interval: 50 },
    );
    await retention.stop();
  });
});
