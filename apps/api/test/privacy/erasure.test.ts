import { formatPhoneInternational, nationalDigits } from '@sevabook/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS, send } from '../app.ts';
import { rawPool, testDb } from '../db.ts';
import { createBooking, createSeva, createSlot, uniquePhone, uniqueSuffix } from '../factories.ts';
import { staffAppForSuite } from '../staff-factories.ts';

const db = testDb();

/** Every column of every table of the database, read as text, that contains any of `needles`. */
async function columnsHolding(needles: string[]): Promise<string[]> {
  const columns = await rawPool().query<{ t: string; c: string }[]>(
    `SELECT TABLE_NAME AS t, COLUMN_NAME AS c FROM information_schema.COLUMNS
     WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME, ORDINAL_POSITION`,
  );
  expect(columns.length).toBeGreaterThan(50);
  const found: string[] = [];
  for (const { t, c } of columns) {
    const [row] = await rawPool().query<{ n: bigint }[]>(
      `SELECT COUNT(*) AS n FROM \`${t}\` WHERE ${needles
        .map(() => `CAST(\`${c}\` AS CHAR) LIKE ?`)
        .join(' OR ')}`,
      needles.map((needle) => `%${needle}%`),
    );
    if (Number(row!.n) > 0) found.push(`${t}.${c}`);
  }
  return found;
}

describe('POST /api/v1/admin/erasures', () => {
  const { app, staff } = staffAppForSuite();
  const phone = uniquePhone();
  // Names are letters: the booking form refuses digits in them.
  const name = `Madhava Kini ${uniqueSuffix().replace(/\d/g, (d) => 'ghijklmnop'[Number(d)]!)}`;
  const erase = (body: Record<string, unknown>) =>
    send(app, 'POST', '/api/v1/admin/erasures', staff.admin, body);
  let upcomingSlotId: number;
  let upcomingReference: string;

  beforeAll(async () => {
    const seva = await createSeva(db, { asksGotra: true });
    // A seva past, booked at the counter; its confirmation could not be delivered.
    const pastSlot = await createSlot(db, {
      sevaId: seva.id,
      // A month ago: well inside the retention period, so no retention run takes it first.
      startsAt: new Date(Math.floor(Date.now() / 60_000) * 60_000 - 30 * 86_400_000),
    });
    const { booking: past } = await createBooking(db, {
      slotId: pastSlot.id,
      devoteeName: name,
      phone,
      email: 'madhava@example.org',
      gotra: 'Vasishtha',
    });
    await db.notification.create({
      data: {
        bookingId: past.id,
        kind: 'confirmation',
        eventSeq: 1,
        status: 'dead',
        dueAt: new Date(),
        lastError: `The 'To' number whatsapp:${phone} is not a valid WhatsApp number`,
      },
    });

    // An upcoming booking made on the devotee site: outbox rows and an audit entry with it.
    const upcoming = await createSlot(db, { sevaId: seva.id });
    upcomingSlotId = upcoming.id;
    const booked = await send(app, 'POST', '/api/v1/bookings', ANONYMOUS, {
      slotId: upcoming.id,
      devoteeName: name,
      phone: formatPhoneInternational(phone),
      persons: 2,
      gotra: 'Vasishtha',
    });
    expect(booked.statusCode, booked.body).toBe(201);
    upcomingReference = booked.json().reference;

    // A booking staff cancelled with a note that names the devotee.
    const cancelled = await send(app, 'POST', '/api/v1/admin/bookings', staff.staff, {
      slotId: (await createSlot(db, { sevaId: seva.id })).id,
      devoteeName: name,
      phone,
      persons: 1,
    });
    await send(app, 'POST', `/api/v1/admin/bookings/${cancelled.json().id}/cancel`, staff.staff, {
      reason: `${name} rang to say he cannot come`,
    });

    // An upcoming booking whose number staff corrected: the old number lives on in its audit
    // trail, so it is the devotee's booking too (erased, and so cancelled with the other).
    const corrected = await send(app, 'POST', '/api/v1/admin/bookings', staff.staff, {
      slotId: (await createSlot(db, { sevaId: seva.id })).id,
      devoteeName: name,
      phone,
      persons: 1,
    });
    const fixed = await send(
      app,
      'PATCH',
      `/api/v1/admin/bookings/${corrected.json().id}`,
      staff.staff,
      {
        phone: uniquePhone(),
      },
    );
    expect(fixed.statusCode).toBe(200);
    await send(app, 'PATCH', `/api/v1/admin/bookings/${corrected.json().id}`, staff.staff, {
      persons: 1,
      devoteeName: name,
    });
  });

  const traces = () =>
    columnsHolding([
      phone,
      nationalDigits(phone),
      formatPhoneInternational(phone).replace(/^\+91 /, ''),
      name,
    ]);

  it('refuses while the number has upcoming confirmed bookings, and changes nothing', async () => {
    const res = await erase({ phone });
    expect(res.statusCode).toBe(409);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ code: 'upcoming_bookings' });
    expect(res.json().detail).toContain(upcomingReference);
    expect(await traces()).toEqual(
      expect.arrayContaining(['booking.devotee_name', 'booking.phone', 'audit_entry.after']),
    );
  });

  it('with cancelUpcoming, cancels the upcoming bookings, frees their places and leaves no trace of the number or the name in any table', async () => {
    const slotBefore = await db.slot.findUniqueOrThrow({ where: { id: upcomingSlotId } });

    const res = await erase({ phone: nationalDigits(phone), cancelUpcoming: true });

    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ bookings: 4, cancelledUpcoming: 2 });
    expect(res.json().auditEntries).toBeGreaterThanOrEqual(4);
    expect(await traces()).toEqual([]);

    const upcoming = await db.booking.findUniqueOrThrow({
      where: { reference: upcomingReference },
      include: { notifications: true },
    });
    expect(upcoming.status).toBe('cancelled');
    expect(upcoming.notifications.map((n) => n.status)).toEqual(['cancelled', 'cancelled']);
    const slotAfter = await db.slot.findUniqueOrThrow({ where: { id: upcomingSlotId } });
    expect(slotAfter.booked).toBe(slotBefore.booked - 2);
  });

  it('is audited with the admin and the counts, never the number', async () => {
    const entry = await db.auditEntry.findFirstOrThrow({
      where: {
        entityType: 'personal_data',
        action: 'devotee.erased',
        actorId: staff.admin.user.id,
      },
      orderBy: { id: 'desc' },
    });
    expect(entry.actorLabel).toBe(staff.admin.user.email);
    expect(JSON.parse(entry.after!)).toMatchObject({ bookings: 4, cancelledUpcoming: 2 });
  });

  it('answers zeros for a number with nothing left to erase', async () => {
    const res = await erase({ phone });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      bookings: 0,
      cancelledUpcoming: 0,
      notifications: 0,
      auditEntries: 0,
    });
  });

  it('refuses what is not a phone number', async () => {
    const res = await erase({ phone: 'not a number' });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'validation_failed' });
  });
});
