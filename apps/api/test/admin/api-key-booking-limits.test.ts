import { DEFAULT_TEMPLE_TIMEZONE, templeDateOf, templeDateTimeToUtc } from '@sevabook/shared';
import { describe, expect, it } from 'vitest';
import { send } from '../app.ts';
import { testDb } from '../db.ts';
import { createSeva, createSlot, uniquePhone, uniqueSuffix } from '../factories.ts';
import { staffAppForSuite } from '../staff-factories.ts';

/**
 * A third party's API key books as a devotee does: inside the booking window and within the
 * per-phone cap (2 here). Only a key an admin created with `overrideBookingLimits` books as the
 * counter does, outside the window and beyond the cap. Capacity is never overridden.
 */

const PER_PHONE = 2;
const { app, staff } = staffAppForSuite({}, { bookingsPerPhonePerSevaPerDay: PER_PHONE });
const db = testDb();

async function newKey(body: Record<string, unknown>) {
  const res = await send(app, 'POST', '/api/v1/admin/api-keys', staff.admin, {
    name: `Travel desk ${uniqueSuffix()}`,
    role: 'staff',
    ...body,
  });
  expect(res.statusCode).toBe(201);
  const { apiKey, key } = res.json<{
    apiKey: { id: number; overrideBookingLimits: boolean };
    key: string;
  }>();
  return { apiKey, caller: { headers: { authorization: `Bearer ${key}` } } };
}

function bookWith(caller: { headers: Record<string, string> }, slotId: number, phone: string) {
  return send(app, 'POST', '/api/v1/admin/bookings', caller, {
    slotId,
    devoteeName: 'Travel Desk Guest',
    phone,
    persons: 1,
  });
}

/** A slot whose booking opens tomorrow, and three open slots of one seva on one day. */
async function slots() {
  const notYetOpen = await createSlot(db, {
    sevaId: (await createSeva(db, { bookingOpensDaysAhead: 1 })).id,
    startsAt: new Date(Date.now() + 3 * 86_400_000),
  });
  const seva = await createSeva(db);
  const day = templeDateOf(new Date(Date.now() + 4 * 86_400_000), DEFAULT_TEMPLE_TIMEZONE);
  const sameDay = await Promise.all(
    ['06:00', '12:00', '18:00'].map((time) =>
      createSlot(db, {
        sevaId: seva.id,
        startsAt: templeDateTimeToUtc(day, time, DEFAULT_TEMPLE_TIMEZONE),
      }),
    ),
  );
  return { notYetOpen, sameDay };
}

async function bookingsOf(slotIds: number[]) {
  return db.booking.count({ where: { slotId: { in: slotIds } } });
}

describe('POST /api/v1/admin/bookings with an API key', () => {
  it('keeps a key created without the override to the booking window and the per-phone cap', async () => {
    const { apiKey, caller } = await newKey({});
    expect(apiKey.overrideBookingLimits).toBe(false);
    const { notYetOpen, sameDay } = await slots();

    const early = await bookWith(caller, notYetOpen.id, uniquePhone());
    expect(early.statusCode).toBe(422);
    expect(early.json()).toMatchObject({ code: 'booking_not_open_yet' });
    expect(await bookingsOf([notYetOpen.id])).toBe(0);

    const phone = uniquePhone();
    const answers = [];
    for (const slot of sameDay) answers.push((await bookWith(caller, slot.id, phone)).statusCode);
    expect(answers).toEqual([201, 201, 409]);
    const refused = await bookWith(caller, sameDay[2]!.id, phone);
    expect(refused.json()).toMatchObject({ code: 'booking_limit_reached' });
    expect(await bookingsOf(sameDay.map((s) => s.id))).toBe(PER_PHONE);
    expect((await db.slot.findUniqueOrThrow({ where: { id: sameDay[2]!.id } })).booked).toBe(0);
  });

  it('lets a key an admin created with the override book outside the window and beyond the cap', async () => {
    const { apiKey, caller } = await newKey({ overrideBookingLimits: true });
    expect(apiKey.overrideBookingLimits).toBe(true);
    const row = await db.apiKey.findUniqueOrThrow({ where: { id: apiKey.id } });
    expect(row.overrideBookingLimits).toBe(true);
    const { notYetOpen, sameDay } = await slots();

    const early = await bookWith(caller, notYetOpen.id, uniquePhone());
    expect(early.statusCode).toBe(201);
    expect(early.json()).toMatchObject({ source: 'api', apiKeyId: apiKey.id });

    const phone = uniquePhone();
    const answers = [];
    for (const slot of sameDay) answers.push((await bookWith(caller, slot.id, phone)).statusCode);
    expect(answers).toEqual([201, 201, 201]);
    expect(await bookingsOf([notYetOpen.id, ...sameDay.map((s) => s.id)])).toBe(4);
  });

  it('shows each key’s choice in the list, and records it when the key is made', async () => {
    const { apiKey } = await newKey({ overrideBookingLimits: true });
    const list = await send(app, 'GET', '/api/v1/admin/api-keys', staff.admin);
    const listed = list
      .json<{ items: { id: number; overrideBookingLimits: boolean }[] }>()
      .items.find((k) => k.id === apiKey.id);
    expect(listed?.overrideBookingLimits).toBe(true);
    const audit = await db.auditEntry.findFirstOrThrow({
      where: { entityType: 'api_key', entityId: apiKey.id, action: 'api_key.created' },
    });
    expect(JSON.parse(audit.after ?? '{}')).toMatchObject({ overrideBookingLimits: true });
  });

  it('refuses an override that is not true or false', async () => {
    const res = await send(app, 'POST', '/api/v1/admin/api-keys', staff.admin, {
      name: 'Kiosk',
      role: 'staff',
      overrideBookingLimits: 'yes',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'validation_failed' });
  });
});
