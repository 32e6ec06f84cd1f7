import { addDaysToDate, isoWeekdayOf, templeDateOf, templeDateTimeToUtc } from '@sevabook/shared';
import { describe, expect, it } from 'vitest';
import { ANONYMOUS, send, statusOf } from '../app.ts';
import { testDb } from '../db.ts';
import { createBooking, createSeva, createSlot, newSevaBody } from '../factories.ts';
import { staffAppForSuite } from '../staff-factories.ts';

const TZ = 'Asia/Kolkata';

describe('admin sevas, schedules, slots and closed dates', () => {
  const { app, staff } = staffAppForSuite({}, { slotHorizonDays: 14 });
  const db = testDb();

  const newSeva = () => newSevaBody({ asks: { gotra: true, nakshatra: false, rashi: false } });

  describe('sevas', () => {
    it('an admin creates and changes a seva; every role can read it', async () => {
      const res = await send(app, 'POST', '/api/v1/admin/sevas', staff.admin, newSeva());
      expect(res.statusCode).toBe(201);
      const { id } = res.json<{ id: number }>();
      const row = await db.seva.findUniqueOrThrow({ where: { id } });
      expect(row).toMatchObject({
        nameKn: 'ವಾಹನ ಪೂಜೆ',
        feePaise: 15_000,
        asksGotra: true,
        active: true,
      });

      const patch = await send(app, 'PATCH', `/api/v1/admin/sevas/${id}`, staff.admin, {
        feePaise: 20_000,
        active: false,
        name: { en: 'Vahana Pooja', kn: 'ವಾಹನ ಪೂಜೆ', hi: 'वाहन पूजा' },
      });
      expect(patch.statusCode).toBe(200);
      expect(await db.seva.findUniqueOrThrow({ where: { id } })).toMatchObject({
        feePaise: 20_000,
        active: false,
        nameHi: 'वाहन पूजा',
        nameEn: 'Vahana Pooja',
      });
      expect(await db.auditEntry.count({ where: { entityType: 'seva', entityId: id } })).toBe(2);

      for (const role of ['admin', 'staff', 'viewer'] as const) {
        const list = await send(app, 'GET', '/api/v1/admin/sevas', staff[role]);
        expect(list.json<{ items: { id: number }[] }>().items.some((s) => s.id === id)).toBe(true);
      }
    });

    it('refuses staff and viewers (403), anonymous callers (401), bad input (422), a taken slug (409)', async () => {
      const url = '/api/v1/admin/sevas';
      for (const role of ['staff', 'viewer'] as const) {
        expect(await statusOf(app, 'POST', url, staff[role], newSeva())).toBe(403);
      }
      expect(await statusOf(app, 'POST', url, ANONYMOUS, newSeva())).toBe(401);
      const bad = { ...newSeva(), defaultCapacity: 0 };
      expect(await statusOf(app, 'POST', url, staff.admin, bad)).toBe(422);
      const seva = await createSeva(db);
      const taken = { ...newSeva(), slug: seva.slug };
      expect(await statusOf(app, 'POST', url, staff.admin, taken)).toBe(409);
      expect(await statusOf(app, 'PATCH', `${url}/999999999`, staff.admin, { feePaise: 1 })).toBe(
        404,
      );
    });
  });

  describe('schedules', () => {
    it('makes slots when a schedule is added, and re-makes only unbooked future slots when it changes', async () => {
      const seva = await createSeva(db, { defaultCapacity: 8 });
      const today = templeDateOf(new Date(), TZ);
      const created = await send(
        app,
        'POST',
        `/api/v1/admin/sevas/${seva.id}/schedules`,
        staff.admin,
        {
          weekdays: [1, 2, 3, 4, 5, 6, 7],
          times: ['18:00'],
          validFrom: today,
        },
      );
      expect(created.statusCode).toBe(201);
      const change = created.json<{
        schedule: { id: number; times: string[] };
        slots: { created: number };
      }>();
      expect(change.slots.created).toBeGreaterThanOrEqual(13);
      const scheduleId = change.schedule.id;

      // Book one slot three days ahead; that one must survive the change.
      const bookedDate = addDaysToDate(today, 3);
      const bookedSlot = await db.slot.findFirstOrThrow({
        where: { scheduleId, startsAt: templeDateTimeToUtc(bookedDate, '18:00', TZ) },
      });
      await createBooking(db, { slotId: bookedSlot.id });

      const patched = await send(
        app,
        'PATCH',
        `/api/v1/admin/schedules/${scheduleId}`,
        staff.admin,
        {
          times: ['07:00'],
          capacity: 12,
        },
      );
      expect(patched.statusCode).toBe(200);
      const after = patched.json<{
        schedule: { times: string[]; capacity: number };
        slots: { removed: number; keptWithBookings: number };
      }>();
      expect(after.schedule).toMatchObject({ times: ['07:00'], capacity: 12 });
      expect(after.slots.keptWithBookings).toBe(1);
      expect(after.slots.removed).toBeGreaterThanOrEqual(12);

      const slots = await db.slot.findMany({
        where: { sevaId: seva.id, startsAt: { gt: new Date() } },
      });
      const evening = slots.filter(
        (s) => s.startsAt.getTime() === templeDateTimeToUtc(bookedDate, '18:00', TZ).getTime(),
      );
      expect(evening).toHaveLength(1);
      expect(evening[0]).toMatchObject({ id: bookedSlot.id, capacity: 8, booked: 1 });
      const morning = slots.filter(
        (s) => templeDateOf(s.startsAt, TZ) === bookedDate && s.id !== bookedSlot.id,
      );
      expect(morning).toMatchObject([{ capacity: 12 }]);
      expect(slots.filter((s) => s.id !== bookedSlot.id).every((s) => s.capacity === 12)).toBe(
        true,
      );
    });

    it('refuses a schedule whose validity ends before it starts (422), and non-admins (403)', async () => {
      const seva = await createSeva(db);
      const url = `/api/v1/admin/sevas/${seva.id}/schedules`;
      const monday = { weekdays: [1], times: ['06:00'], validFrom: '2031-01-10' };
      const endsBeforeItStarts = { ...monday, validUntil: '2031-01-01' };
      expect(await statusOf(app, 'POST', url, staff.admin, endsBeforeItStarts)).toBe(422);
      const noSuchDayOrTime = { weekdays: [8], times: ['25:00'], validFrom: '2031-01-10' };
      expect(await statusOf(app, 'POST', url, staff.admin, noSuchDayOrTime)).toBe(422);
      expect(await statusOf(app, 'POST', url, staff.staff, monday)).toBe(403);
      expect(await statusOf(app, 'GET', url, staff.viewer)).toBe(200);
      expect(await db.schedule.count({ where: { sevaId: seva.id } })).toBe(0);
    });
  });

  describe('slots', () => {
    it('adds an extra slot at a temple-local time; the same time twice is 409', async () => {
      const seva = await createSeva(db, { defaultCapacity: 7 });
      const payload = {
        sevaId: seva.id,
        date: '2031-08-15',
        time: '09:15',
        note: 'Independence Day',
      };
      const res = await send(app, 'POST', '/api/v1/admin/slots', staff.admin, payload);
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({
        date: '2031-08-15',
        time: '09:15',
        capacity: 7,
        scheduleId: null,
        startsAt: '2031-08-15T03:45:00.000Z',
      });
      expect(await statusOf(app, 'POST', '/api/v1/admin/slots', staff.admin, payload)).toBe(409);
      const list = await send(
        app,
        'GET',
        `/api/v1/admin/slots?from=2031-08-15&to=2031-08-15&sevaId=${seva.id}`,
        staff.viewer,
      );
      expect(list.json<{ items: unknown[] }>().items).toHaveLength(1);
    });

    it('refuses to lower capacity below the places booked (409 capacity_below_booked), allows down to it', async () => {
      const slot = await createSlot(db, { capacity: 10 });
      await createBooking(db, { slotId: slot.id, persons: 3 });
      const url = `/api/v1/admin/slots/${slot.id}`;
      const low = await send(app, 'PATCH', url, staff.admin, { capacity: 2 });
      expect(low.statusCode).toBe(409);
      expect(low.json()).toMatchObject({ code: 'capacity_below_booked' });
      expect((await db.slot.findUniqueOrThrow({ where: { id: slot.id } })).capacity).toBe(10);
      expect(await statusOf(app, 'PATCH', url, staff.admin, { capacity: 3 })).toBe(200);
      expect((await db.slot.findUniqueOrThrow({ where: { id: slot.id } })).capacity).toBe(3);
    });

    it('cancelling a slot cancels each booking with one message each, in one go', async () => {
      const slot = await createSlot(db, { capacity: 10 });
      const a = (await createBooking(db, { slotId: slot.id, persons: 2 })).booking;
      const b = (await createBooking(db, { slotId: slot.id, persons: 1 })).booking;
      const url = `/api/v1/admin/slots/${slot.id}`;
      const res = await send(app, 'PATCH', url, staff.admin, {
        status: 'cancelled',
        reason: 'Solar eclipse',
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({
        bookingsCancelled: 2,
        slot: { status: 'cancelled', booked: 0 },
      });
      for (const booking of [a, b]) {
        const row = await db.booking.findUniqueOrThrow({ where: { id: booking.id } });
        expect(row).toMatchObject({
          status: 'cancelled',
          cancelReason: 'Solar eclipse',
          cancelledBy: 'staff',
        });
        expect(
          await db.notification.count({ where: { bookingId: booking.id, kind: 'cancellation' } }),
        ).toBe(1);
      }
      // Doing it again changes nothing and sends nothing more.
      await send(app, 'PATCH', url, staff.admin, { status: 'cancelled' });
      expect(
        await db.notification.count({
          where: { bookingId: { in: [a.id, b.id] }, kind: 'cancellation' },
        }),
      ).toBe(2);
    });

    it('refuses staff (403) and an empty change (422)', async () => {
      const slot = await createSlot(db);
      const url = `/api/v1/admin/slots/${slot.id}`;
      expect(await statusOf(app, 'PATCH', url, staff.staff, { capacity: 20 })).toBe(403);
      expect(await statusOf(app, 'PATCH', url, staff.admin, {})).toBe(422);
      expect(await statusOf(app, 'PATCH', url, ANONYMOUS, { capacity: 20 })).toBe(401);
    });
  });

  describe('closed dates', () => {
    it('closing a date for a seva cancels that day’s slots and bookings; reopening keeps them cancelled', async () => {
      const seva = await createSeva(db);
      const date = '2031-10-02';
      const slot = await createSlot(db, {
        sevaId: seva.id,
        startsAt: templeDateTimeToUtc(date, '06:30', TZ),
      });
      const other = await createSlot(db, {
        sevaId: seva.id,
        startsAt: templeDateTimeToUtc(addDaysToDate(date, 1), '06:30', TZ),
      });
      const { booking } = await createBooking(db, { slotId: slot.id });
      const res = await send(app, 'POST', '/api/v1/admin/closed-dates', staff.admin, {
        sevaId: seva.id,
        date,
        reason: 'Temple festival',
      });
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({
        slotsCancelled: 1,
        bookingsCancelled: 1,
        closedDate: { date, sevaId: seva.id },
      });
      expect((await db.slot.findUniqueOrThrow({ where: { id: slot.id } })).status).toBe(
        'cancelled',
      );
      expect((await db.slot.findUniqueOrThrow({ where: { id: other.id } })).status).toBe('open');
      expect(
        await db.notification.count({ where: { bookingId: booking.id, kind: 'cancellation' } }),
      ).toBe(1);
      expect(isoWeekdayOf(date)).toBeGreaterThan(0);

      const { id } = res.json<{ closedDate: { id: number } }>().closedDate;
      const list = await send(
        app,
        'GET',
        `/api/v1/admin/closed-dates?from=${date}&to=${date}`,
        staff.viewer,
      );
      expect(list.json<{ items: { id: number }[] }>().items.some((c) => c.id === id)).toBe(true);
      expect(await statusOf(app, 'DELETE', `/api/v1/admin/closed-dates/${id}`, staff.admin)).toBe(
        204,
      );
      expect(await db.closedDate.findUnique({ where: { id } })).toBeNull();
      expect((await db.slot.findUniqueOrThrow({ where: { id: slot.id } })).status).toBe(
        'cancelled',
      );
    });

    it('refuses staff (403), a missing reason (422), an unknown seva (404)', async () => {
      const url = '/api/v1/admin/closed-dates';
      const newYear = { date: '2031-01-01', reason: 'New year' };
      expect(await statusOf(app, 'POST', url, staff.staff, newYear)).toBe(403);
      expect(await statusOf(app, 'POST', url, staff.admin, { date: '2031-01-01' })).toBe(422);
      const unknownSeva = { sevaId: 999999999, date: '2031-01-01', reason: 'x y' };
      expect(await statusOf(app, 'POST', url, staff.admin, unknownSeva)).toBe(404);
    });
  });
});
