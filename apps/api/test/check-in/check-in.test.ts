import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { send } from '../app.ts';
import { testDb } from '../db.ts';
import { createBooking, createSeva, createSlot } from '../factories.ts';
import { staffAppForSuite } from '../staff-factories.ts';

/** A slot of a seva of its own, starting at the given time. */
async function slotAt(startsAt: Date) {
  const seva = await createSeva(testDb());
  return createSlot(testDb(), { sevaId: seva.id, startsAt, capacity: 500 });
}

function minuteOf(date: Date): Date {
  const d = new Date(date);
  d.setUTCSeconds(0, 0);
  return d;
}

describe('POST /api/v1/admin/check-ins', () => {
  const { app, staff } = staffAppForSuite();
  const db = testDb();
  let todaySlot: { id: number; startsAt: Date };

  beforeAll(async () => {
    todaySlot = await slotAt(minuteOf(new Date()));
  });

  /** A booking of today's slot and the code its QR holds, as the admin API gives it. */
  async function bookingWithCode(
    fields: { slotId?: number; status?: 'confirmed' | 'cancelled' | 'pending_payment' } = {},
  ) {
    const { booking } = await createBooking(db, {
      slotId: fields.slotId ?? todaySlot.id,
      persons: 2,
      devoteeName: 'Lakshmi Rao',
      status: fields.status ?? 'confirmed',
      ...(fields.status === 'pending_payment'
        ? { pays: 'online', holdExpiresAt: new Date(Date.now() + 600_000) }
        : {}),
    });
    const view = await send(app, 'GET', `/api/v1/admin/bookings/${booking.id}`, staff.staff);
    expect(view.statusCode).toBe(200);
    return { booking, code: view.json<{ checkInCode: string }>().checkInCode };
  }

  const checkIn = (body: Record<string, unknown>, caller = staff.staff) =>
    send(app, 'POST', '/api/v1/admin/check-ins', caller, body);
  const arrival = (id: number) =>
    db.booking.findUniqueOrThrow({
      where: { id },
      select: { arrivedAt: true, arrivedByStaffId: true, arrivalScanId: true },
    });

  it('gives every booking a short code in the QR alphanumeric set, not its manage token', async () => {
    const { booking, code } = await bookingWithCode();
    expect(code).toMatch(new RegExp(`^${booking.reference}\\.[0-9A-F]{18}$`));
    expect(code.length).toBeLessThanOrEqual(29); // a version 2 QR at error correction Q
  });

  it('checks a valid code in: green with name, seva, time and persons; the booking records when and by whom', async () => {
    const { booking, code } = await bookingWithCode();
    const scanId = randomUUID();
    const res = await checkIn({ code, scanId });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      outcome: 'checked_in',
      replayed: false,
      booking: { reference: booking.reference, devoteeName: 'Lakshmi Rao', persons: 2 },
    });
    expect(body.booking.arrivedBy).toBe(staff.staff.user.name);
    const row = await arrival(booking.id);
    expect(row.arrivedAt).not.toBeNull();
    expect(row).toMatchObject({ arrivedByStaffId: staff.staff.user.id, arrivalScanId: scanId });
    const audit = await db.auditEntry.findMany({
      where: { bookingId: booking.id, action: 'booking.checked_in' },
    });
    expect(audit).toHaveLength(1);
  });

  it('answers a forged, truncated or altered code invalid_code and changes nothing', async () => {
    const { booking, code } = await bookingWithCode();
    const forged = [
      `${booking.reference}.000000000000000000`,
      code.slice(0, -1),
      `${code.slice(0, -1)}${code.endsWith('A') ? 'B' : 'A'}`,
      booking.reference,
      'not a code at all %%%',
      `${code}0`,
    ];
    for (const bad of forged) {
      const res = await checkIn({ code: bad, scanId: randomUUID() });
      expect(res.statusCode, bad).toBe(200);
      expect(res.json(), bad).toEqual({ outcome: 'invalid_code', replayed: false, booking: null });
    }
    expect(await arrival(booking.id)).toEqual({
      arrivedAt: null,
      arrivedByStaffId: null,
      arrivalScanId: null,
    });
  });

  it('answers the same scan sent again (a queued offline scan) as the same check-in, arrival unchanged', async () => {
    const { booking, code } = await bookingWithCode();
    const scanId = randomUUID();
    const first = await checkIn({ code, scanId });
    const before = await arrival(booking.id);
    const again = await checkIn({ code, scanId }, staff.admin);
    expect(again.json()).toMatchObject({ outcome: 'checked_in', replayed: true });
    expect(again.json().booking.arrivedAt).toBe(first.json().booking.arrivedAt);
    expect(await arrival(booking.id)).toEqual(before);
  });

  it('answers a second, different scan already_checked_in, with when and by whom', async () => {
    const { booking, code } = await bookingWithCode();
    await checkIn({ code, scanId: randomUUID() });
    const before = await arrival(booking.id);
    const second = await checkIn({ code, scanId: randomUUID() }, staff.admin);
    expect(second.json()).toMatchObject({
      outcome: 'already_checked_in',
      replayed: false,
      booking: { arrivedAt: before.arrivedAt!.toISOString(), arrivedBy: staff.staff.user.name },
    });
    expect(await arrival(booking.id)).toEqual(before);
  });

  it('checks in by a typed reference, in any case and without the prefix', async () => {
    const { booking } = await bookingWithCode();
    const res = await checkIn({ reference: booking.reference.slice(3).toLowerCase() });
    expect(res.json()).toMatchObject({ outcome: 'checked_in' });
    expect((await arrival(booking.id)).arrivedAt).not.toBeNull();
    const unknown = await checkIn({ reference: 'SB-333333' });
    expect(unknown.json()).toEqual({ outcome: 'not_found', replayed: false, booking: null });
  });

  it('answers cancelled and not_confirmed in red and checks nothing in', async () => {
    const cancelled = await bookingWithCode({ status: 'cancelled' });
    expect((await checkIn({ code: cancelled.code })).json()).toMatchObject({
      outcome: 'cancelled',
    });
    const pending = await bookingWithCode({ status: 'pending_payment' });
    expect((await checkIn({ code: pending.code })).json()).toMatchObject({
      outcome: 'not_confirmed',
      booking: { status: 'pending_payment' },
    });
    expect((await arrival(cancelled.booking.id)).arrivedAt).toBeNull();
    expect((await arrival(pending.booking.id)).arrivedAt).toBeNull();
  });

  it('answers wrong_slot for another day or another slot, with the right one, unless told anyway', async () => {
    const tomorrow = await slotAt(minuteOf(new Date(Date.now() + 86_400_000)));
    const { booking, code } = await bookingWithCode({ slotId: tomorrow.id });
    const res = await checkIn({ code });
    expect(res.json()).toMatchObject({
      outcome: 'wrong_slot',
      booking: { slot: { id: tomorrow.id, startsAt: tomorrow.startsAt.toISOString() } },
    });
    expect((await arrival(booking.id)).arrivedAt).toBeNull();

    const today = await bookingWithCode();
    const otherSlot = await checkIn({ code: today.code, slotId: tomorrow.id });
    expect(otherSlot.json()).toMatchObject({ outcome: 'wrong_slot' });

    const anyway = await checkIn({ code, anyway: true });
    expect(anyway.json()).toMatchObject({ outcome: 'checked_in' });
    expect((await arrival(booking.id)).arrivedAt).not.toBeNull();
  });

  it('keeps the time a queued scan was made, never a time in the future', async () => {
    const slot = await slotAt(minuteOf(new Date(Date.now() - 2 * 3_600_000)));
    const { booking, code } = await bookingWithCode({ slotId: slot.id });
    const res = await checkIn({
      code,
      scanId: randomUUID(),
      scannedAt: slot.startsAt.toISOString(),
    });
    expect(res.json()).toMatchObject({ outcome: 'checked_in' });
    expect((await arrival(booking.id)).arrivedAt).toEqual(slot.startsAt);

    const other = await bookingWithCode();
    const future = new Date(Date.now() + 3_600_000).toISOString();
    await checkIn({ code: other.code, scannedAt: future });
    expect((await arrival(other.booking.id)).arrivedAt!.getTime()).toBeLessThan(Date.parse(future));
  });

  it('checks a booking in once when two devices scan it at the same moment', async () => {
    const { booking, code } = await bookingWithCode();
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        checkIn({ code, scanId: randomUUID() }, i % 2 ? staff.admin : staff.staff),
      ),
    );
    const outcomes = answers.map((a) => a.json<{ outcome: string }>().outcome).sort();
    expect(outcomes).toEqual([
      'already_checked_in',
      'already_checked_in',
      'already_checked_in',
      'already_checked_in',
      'already_checked_in',
      'checked_in',
    ]);
    const audit = await db.auditEntry.count({
      where: { bookingId: booking.id, action: 'booking.checked_in' },
    });
    expect(audit).toBe(1);
  });

  it('refuses viewers and a body with neither or both of code and reference', async () => {
    const { booking, code } = await bookingWithCode();
    expect((await checkIn({ code }, staff.viewer)).statusCode).toBe(403);
    expect((await checkIn({})).statusCode).toBe(422);
    expect((await checkIn({ code, reference: booking.reference })).statusCode).toBe(422);
    expect((await checkIn({ code, scanId: 'not-a-uuid' })).statusCode).toBe(422);
    expect((await arrival(booking.id)).arrivedAt).toBeNull();
  });
});
