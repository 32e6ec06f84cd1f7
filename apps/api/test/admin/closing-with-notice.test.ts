import { templeDateTimeToUtc } from '@sevabook/shared';
import { describe, expect, it } from 'vitest';
import { ANONYMOUS, send, statusOf } from '../app.ts';
import { testDb } from '../db.ts';
import {
  createBooking,
  createClosedDate,
  createSeva,
  createSlot,
  uniquePhone,
} from '../factories.ts';
import { staffAppForSuite } from '../staff-factories.ts';

const TZ = 'Asia/Kolkata';

/** Closing a date or a slot: what it would cancel is asked first, and a reason is required. */
describe('closing a date or a slot, with notice', () => {
  const { app, staff } = staffAppForSuite();
  const db = testDb();

  /** A seva with two slots on `date` (one of them already cancelled) and one the day after. */
  async function sevaDay(date: string) {
    const seva = await createSeva(db);
    const at = (time: string, day = date) =>
      createSlot(db, { sevaId: seva.id, startsAt: templeDateTimeToUtc(day, time, TZ) });
    const morning = await at('06:30');
    const evening = await at('18:00');
    const gone = await createSlot(db, {
      sevaId: seva.id,
      startsAt: templeDateTimeToUtc(date, '12:00', TZ),
      status: 'cancelled',
    });
    const nextDay = await at('06:30', '2033-01-02');
    const phone = uniquePhone();
    // One devotee with two bookings, another with one, one cancelled booking that does not count.
    await createBooking(db, { slotId: morning.id, phone, persons: 2 });
    await createBooking(db, { slotId: evening.id, phone, persons: 1 });
    await createBooking(db, { slotId: evening.id, persons: 3 });
    await createBooking(db, { slotId: evening.id, status: 'cancelled' });
    await createBooking(db, { slotId: nextDay.id });
    return { seva, morning, evening, gone };
  }

  describe('GET /api/v1/admin/closed-dates/impact', () => {
    it('counts the slots, bookings, devotees and persons closing the date would cancel, and changes nothing', async () => {
      const { seva, morning } = await sevaDay('2033-01-01');
      const url = `/api/v1/admin/closed-dates/impact?date=2033-01-01&sevaId=${seva.id}`;
      const res = await send(app, 'GET', url, staff.admin);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ slots: 2, bookings: 3, devotees: 2, persons: 6 });
      expect(await db.closedDate.count({ where: { sevaId: seva.id } })).toBe(0);
      expect((await db.slot.findUniqueOrThrow({ where: { id: morning.id } })).status).toBe('open');
    });

    it('counts every seva’s slots when the whole temple closes', async () => {
      const date = '2034-03-17';
      const a = await createSlot(db, { startsAt: templeDateTimeToUtc(date, '07:00', TZ) });
      const b = await createSlot(db, { startsAt: templeDateTimeToUtc(date, '08:00', TZ) });
      await createBooking(db, { slotId: a.id });
      await createBooking(db, { slotId: b.id, persons: 2 });
      const res = await send(
        app,
        'GET',
        `/api/v1/admin/closed-dates/impact?date=${date}`,
        staff.admin,
      );
      expect(res.json()).toEqual({ slots: 2, bookings: 2, devotees: 2, persons: 3 });
    });

    it('is for admins only (403 for staff and viewers, 401 without a token), 404 for an unknown seva, 422 for a bad date', async () => {
      const url = '/api/v1/admin/closed-dates/impact?date=2033-01-01';
      expect(await statusOf(app, 'GET', url, staff.staff)).toBe(403);
      expect(await statusOf(app, 'GET', url, staff.viewer)).toBe(403);
      expect(await statusOf(app, 'GET', url, ANONYMOUS)).toBe(401);
      const unknown = await send(app, 'GET', `${url}&sevaId=999999999`, staff.admin);
      expect(unknown.statusCode).toBe(404);
      expect(unknown.json()).toMatchObject({ code: 'not_found' });
      const bad = await send(
        app,
        'GET',
        '/api/v1/admin/closed-dates/impact?date=tomorrow',
        staff.admin,
      );
      expect(bad.statusCode).toBe(422);
      expect(bad.json()).toMatchObject({ code: 'validation_failed' });
    });
  });

  describe('GET /api/v1/admin/slots/{id}/impact', () => {
    it('counts an open slot’s bookings and devotees; a cancelled slot has nothing left to cancel', async () => {
      const { evening, gone } = await sevaDay('2033-02-01');
      const res = await send(app, 'GET', `/api/v1/admin/slots/${evening.id}/impact`, staff.admin);
      expect(res.json()).toEqual({ slots: 1, bookings: 2, devotees: 2, persons: 4 });
      const none = await send(app, 'GET', `/api/v1/admin/slots/${gone.id}/impact`, staff.admin);
      expect(none.json()).toEqual({ slots: 0, bookings: 0, devotees: 0, persons: 0 });
      expect(await statusOf(app, 'GET', '/api/v1/admin/slots/999999999/impact', staff.admin)).toBe(
        404,
      );
      expect(
        await statusOf(app, 'GET', `/api/v1/admin/slots/${evening.id}/impact`, staff.staff),
      ).toBe(403);
    });
  });

  describe('PATCH /api/v1/admin/slots/{id}', () => {
    it('refuses to close or cancel a slot without a reason (422 naming reason) and cancels nothing', async () => {
      const slot = await createSlot(db);
      const { booking } = await createBooking(db, { slotId: slot.id });
      for (const body of [{ status: 'closed' }, { status: 'cancelled', reason: ' ' }]) {
        const res = await send(app, 'PATCH', `/api/v1/admin/slots/${slot.id}`, staff.admin, body);
        expect(res.statusCode).toBe(422);
        expect(res.json()).toMatchObject({
          code: 'validation_failed',
          errors: [expect.objectContaining({ path: 'body.reason' })],
        });
      }
      expect((await db.slot.findUniqueOrThrow({ where: { id: slot.id } })).status).toBe('open');
      expect((await db.booking.findUniqueOrThrow({ where: { id: booking.id } })).status).toBe(
        'confirmed',
      );
      // Reopening needs no reason.
      expect(
        await statusOf(app, 'PATCH', `/api/v1/admin/slots/${slot.id}`, staff.admin, {
          status: 'open',
        }),
      ).toBe(200);
    });
  });

  describe('GET /api/v1/closed-dates (public)', () => {
    it('gives devotees a seva’s closed dates and the whole temple’s in a range, with the reason', async () => {
      const seva = await createSeva(db);
      const other = await createSeva(db);
      await createClosedDate(db, { sevaId: seva.id, date: '2035-05-01', reason: 'Priest away' });
      await createClosedDate(db, { sevaId: null, date: '2035-05-03', reason: 'Rathotsava' });
      await createClosedDate(db, { sevaId: other.id, date: '2035-05-02', reason: 'Not this one' });
      await createClosedDate(db, { sevaId: seva.id, date: '2035-06-01', reason: 'Out of range' });
      const res = await send(
        app,
        'GET',
        `/api/v1/closed-dates?from=2035-05-01&to=2035-05-31&sevaId=${seva.id}`,
        ANONYMOUS,
      );
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({
        items: [
          { date: '2035-05-01', sevaId: seva.id, reason: 'Priest away' },
          { date: '2035-05-03', sevaId: null, reason: 'Rathotsava' },
        ],
      });
      const backwards = await send(
        app,
        'GET',
        '/api/v1/closed-dates?from=2035-05-02&to=2035-05-01',
        ANONYMOUS,
      );
      expect(backwards.statusCode).toBe(422);
    });
  });
});
