import { describe, expect, it } from 'vitest';
import { ANONYMOUS, send, statusOf, type Caller } from '../app.ts';
import { testDb } from '../db.ts';
import { createBooking, createSeva, createSlot, uniquePhone } from '../factories.ts';
import { createApiKey, staffAppForSuite } from '../staff-factories.ts';

describe('admin bookings', () => {
  const { app, staff } = staffAppForSuite();
  const db = testDb();

  const devotee = (slotId: number, persons = 1) => ({
    slotId,
    devoteeName: 'Lakshmi Narayana',
    phone: uniquePhone(),
    persons,
  });
  /** POST /api/v1/admin/bookings, the request most tests here start with. */
  const book = (caller: Caller, payload: object) =>
    send(app, 'POST', '/api/v1/admin/bookings', caller, payload);

  describe('POST /api/v1/admin/bookings', () => {
    it('books at the counter: source counter, created by the staff user, confirmation queued', async () => {
      const slot = await createSlot(db, { capacity: 5 });
      const res = await book(staff.staff, devotee(slot.id, 2));
      expect(res.statusCode).toBe(201);
      const body = res.json<{ id: number; source: string; persons: number }>();
      expect(body).toMatchObject({ source: 'counter', persons: 2 });
      const row = await db.booking.findUniqueOrThrow({ where: { id: body.id } });
      expect(row.createdByStaffId).toBe(staff.staff.user.id);
      expect((await db.slot.findUniqueOrThrow({ where: { id: slot.id } })).booked).toBe(2);
      const audit = await db.auditEntry.findFirstOrThrow({ where: { bookingId: body.id } });
      expect(audit).toMatchObject({
        action: 'booking.created',
        actorType: 'staff',
        actorId: staff.staff.user.id,
      });
      expect(
        await db.notification.count({ where: { bookingId: body.id, kind: 'confirmation' } }),
      ).toBe(1);
    });

    it('may book outside the booking window (here: after the cut-off)', async () => {
      const seva = await createSeva(db, { bookingClosesMinutesBefore: 24 * 60 * 10 });
      const slot = await createSlot(db, { sevaId: seva.id });
      const res = await book(staff.admin, devotee(slot.id));
      expect(res.statusCode).toBe(201);
    });

    it('never beyond capacity: 409 slot_full, nothing written', async () => {
      const slot = await createSlot(db, { capacity: 2, booked: 2 });
      const res = await book(staff.staff, devotee(slot.id));
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({ code: 'slot_full' });
      expect(await db.booking.count({ where: { slotId: slot.id } })).toBe(0);
    });

    it('books through an API key with source api, naming the key in the audit', async () => {
      const { apiKey, headers } = await createApiKey(db, {
        role: 'staff',
        createdById: staff.admin.user.id,
      });
      const slot = await createSlot(db);
      const res = await book({ headers }, devotee(slot.id));
      expect(res.statusCode).toBe(201);
      const { id } = res.json<{ id: number }>();
      const row = await db.booking.findUniqueOrThrow({ where: { id } });
      expect(row).toMatchObject({ source: 'api', apiKeyId: apiKey.id, createdByStaffId: null });
      const audit = await db.auditEntry.findFirstOrThrow({ where: { bookingId: id } });
      expect(audit).toMatchObject({
        actorType: 'api_key',
        actorId: apiKey.id,
        actorLabel: `api key: ${apiKey.name}`,
      });
      expect(
        (await db.apiKey.findUniqueOrThrow({ where: { id: apiKey.id } })).lastUsedAt,
      ).not.toBeNull();
    });

    it('also takes an API key as a bearer token, and refuses a revoked one', async () => {
      const live = await createApiKey(db, { role: 'viewer', createdById: staff.admin.user.id });
      const revoked = await createApiKey(db, {
        role: 'admin',
        createdById: staff.admin.user.id,
        revoked: true,
      });
      const asLive = { headers: { authorization: `Bearer ${live.key}` } };
      expect(await statusOf(app, 'GET', '/api/v1/admin/bookings', asLive)).toBe(200);
      expect(await statusOf(app, 'GET', '/api/v1/admin/bookings', revoked)).toBe(401);
    });

    it('validates the body (422) and checks the caller (401, 403 for a viewer)', async () => {
      const slot = await createSlot(db);
      expect((await book(staff.staff, { ...devotee(slot.id), phone: 'x' })).statusCode).toBe(422);
      expect((await book(ANONYMOUS, devotee(slot.id))).statusCode).toBe(401);
      const viewer = await book(staff.viewer, devotee(slot.id));
      expect(viewer.statusCode).toBe(403);
      expect(viewer.json()).toMatchObject({ code: 'forbidden' });
      expect(await db.booking.count({ where: { slotId: slot.id } })).toBe(0);
    });
  });

  describe('GET /api/v1/admin/bookings', () => {
    it('filters by seva, status and free text, pages with a total, for every role', async () => {
      const seva = await createSeva(db);
      const slot = await createSlot(db, { sevaId: seva.id, capacity: 50 });
      const made = [];
      for (let i = 0; i < 5; i++) {
        made.push(
          (await createBooking(db, { slotId: slot.id, devoteeName: `Srinivasa ${i}` })).booking,
        );
      }
      await createBooking(db, {
        slotId: slot.id,
        devoteeName: 'Gone Devotee',
        status: 'cancelled',
      });

      for (const role of ['admin', 'staff', 'viewer'] as const) {
        const res = await send(
          app,
          'GET',
          `/api/v1/admin/bookings?sevaId=${seva.id}&status=confirmed&pageSize=2&page=2`,
          staff[role],
        );
        expect(res.statusCode).toBe(200);
        const body = res.json<{ items: { reference: string }[]; total: number; page: number }>();
        expect(body.total).toBe(5);
        expect(body.items).toHaveLength(2);
        expect(body.page).toBe(2);
      }

      const search = async (query: string) => {
        const res = await send(app, 'GET', `/api/v1/admin/bookings?${query}`, staff.staff);
        return res.json<{ items: { reference: string }[]; total: number }>();
      };
      const referencesFound = async (q: string) =>
        (await search(`q=${q}`)).items.map((b) => b.reference);
      expect(await referencesFound(made[3]!.reference.toLowerCase())).toEqual([made[3]!.reference]);
      expect(await referencesFound(made[1]!.phone.slice(-10))).toEqual([made[1]!.reference]);
      expect((await search(`sevaId=${seva.id}&q=gone`)).total).toBe(1);
    });

    it('filters by a date range in the temple’s zone', async () => {
      const seva = await createSeva(db);
      const inside = await createSlot(db, {
        sevaId: seva.id,
        startsAt: new Date('2031-03-10T01:00:00Z'),
      }); // 06:30 IST on the 10th
      const outside = await createSlot(db, {
        sevaId: seva.id,
        startsAt: new Date('2031-03-10T19:00:00Z'),
      }); // 00:30 IST on the 11th
      await createBooking(db, { slotId: inside.id });
      await createBooking(db, { slotId: outside.id });
      const res = await send(
        app,
        'GET',
        `/api/v1/admin/bookings?sevaId=${seva.id}&from=2031-03-10&to=2031-03-10`,
        staff.viewer,
      );
      const body = res.json<{ total: number; items: { slot: { id: number } }[] }>();
      expect(body.total).toBe(1);
      expect(body.items[0]!.slot.id).toBe(inside.id);
    });

    it('refuses a bad query with 422 and an anonymous caller with 401', async () => {
      const url = '/api/v1/admin/bookings';
      expect(await statusOf(app, 'GET', `${url}?pageSize=1000`, staff.staff)).toBe(422);
      expect(await statusOf(app, 'GET', `${url}?from=2030-02-02&to=2030-01-01`, staff.staff)).toBe(
        422,
      );
      expect(await statusOf(app, 'GET', url, ANONYMOUS)).toBe(401);
    });

    it('GET /admin/bookings/{id} shows one booking; 404 for an unknown id', async () => {
      const slot = await createSlot(db);
      const { booking } = await createBooking(db, { slotId: slot.id });
      const res = await send(app, 'GET', `/api/v1/admin/bookings/${booking.id}`, staff.viewer);
      expect(res.json()).toMatchObject({
        id: booking.id,
        reference: booking.reference,
        version: 1,
      });
      expect(await statusOf(app, 'GET', '/api/v1/admin/bookings/999999999', staff.viewer)).toBe(
        404,
      );
    });
  });

  describe('PATCH /api/v1/admin/bookings/{id}', () => {
    async function reminderOf(bookingId: number) {
      return db.notification.findFirst({ where: { bookingId, kind: 'reminder' } });
    }

    it('moves a booking: places released and taken, change message queued, reminder moved, audit before/after', async () => {
      const seva = await createSeva(db);
      const from = await createSlot(db, { sevaId: seva.id, capacity: 5 });
      const to = await createSlot(db, {
        sevaId: seva.id,
        capacity: 5,
        startsAt: new Date(Date.now() + 9 * 86_400_000),
      });
      const created = await book(staff.staff, devotee(from.id, 3));
      const { id } = created.json<{ id: number }>();
      const reminderBefore = await reminderOf(id);

      const res = await send(app, 'PATCH', `/api/v1/admin/bookings/${id}`, staff.staff, {
        slotId: to.id,
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ slot: { id: to.id }, version: 2 });
      expect((await db.slot.findUniqueOrThrow({ where: { id: from.id } })).booked).toBe(0);
      expect((await db.slot.findUniqueOrThrow({ where: { id: to.id } })).booked).toBe(3);
      const change = await db.notification.findMany({ where: { bookingId: id, kind: 'change' } });
      expect(change.map((n) => n.eventSeq)).toEqual([2]);
      const reminderAfter = await reminderOf(id);
      expect(reminderAfter!.dueAt.getTime()).toBe(to.startsAt.getTime() - 24 * 3_600_000);
      expect(reminderAfter!.dueAt.getTime()).not.toBe(reminderBefore!.dueAt.getTime());
      const audit = await db.auditEntry.findFirstOrThrow({
        where: { bookingId: id, action: 'booking.moved' },
      });
      expect(JSON.parse(audit.before!)).toMatchObject({ slotId: from.id });
      expect(JSON.parse(audit.after!)).toMatchObject({ slotId: to.id });
    });

    it('refuses a move into a full slot with 409 slot_full and changes nothing', async () => {
      const seva = await createSeva(db);
      const from = await createSlot(db, { sevaId: seva.id, capacity: 5 });
      const to = await createSlot(db, { sevaId: seva.id, capacity: 3, booked: 2 });
      const { booking } = await createBooking(db, { slotId: from.id, persons: 2 });
      const res = await send(app, 'PATCH', `/api/v1/admin/bookings/${booking.id}`, staff.admin, {
        slotId: to.id,
      });
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({ code: 'slot_full' });
      expect(await db.booking.findUniqueOrThrow({ where: { id: booking.id } })).toMatchObject({
        slotId: from.id,
        version: 1,
      });
      expect((await db.slot.findUniqueOrThrow({ where: { id: from.id } })).booked).toBe(2);
      expect((await db.slot.findUniqueOrThrow({ where: { id: to.id } })).booked).toBe(2);
      expect(await db.notification.count({ where: { bookingId: booking.id } })).toBe(0);
      expect(await db.auditEntry.count({ where: { bookingId: booking.id } })).toBe(0);
    });

    it('edits details without a message; more persons take more places', async () => {
      const slot = await createSlot(db, { capacity: 4 });
      const { booking } = await createBooking(db, { slotId: slot.id, persons: 1 });
      const url = `/api/v1/admin/bookings/${booking.id}`;
      const edit = await send(app, 'PATCH', url, staff.staff, {
        devoteeName: 'Corrected Name',
        email: 'devotee@example.org',
      });
      expect(edit.statusCode).toBe(200);
      expect(edit.json()).toMatchObject({
        devoteeName: 'Corrected Name',
        email: 'devotee@example.org',
      });
      expect(
        await db.notification.count({ where: { bookingId: booking.id, kind: 'change' } }),
      ).toBe(0);

      const more = await send(app, 'PATCH', url, staff.staff, { persons: 4 });
      expect(more.statusCode).toBe(200);
      expect((await db.slot.findUniqueOrThrow({ where: { id: slot.id } })).booked).toBe(4);
      expect(
        await db.notification.count({ where: { bookingId: booking.id, kind: 'change' } }),
      ).toBe(1);
    });

    it('refuses a phone that already has a booking in the target slot (409 duplicate_booking)', async () => {
      const seva = await createSeva(db);
      const a = await createSlot(db, { sevaId: seva.id });
      const b = await createSlot(db, { sevaId: seva.id });
      const phone = uniquePhone();
      const { booking } = await createBooking(db, { slotId: a.id, phone });
      await createBooking(db, { slotId: b.id, phone });
      const res = await send(app, 'PATCH', `/api/v1/admin/bookings/${booking.id}`, staff.staff, {
        slotId: b.id,
      });
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({ code: 'duplicate_booking' });
      expect((await db.slot.findUniqueOrThrow({ where: { id: b.id } })).booked).toBe(1);
    });

    it('refuses to change a cancelled booking, an empty patch, a viewer and an anonymous caller', async () => {
      const slot = await createSlot(db);
      const { booking } = await createBooking(db, { slotId: slot.id, status: 'cancelled' });
      const url = `/api/v1/admin/bookings/${booking.id}`;
      const cancelled = await send(app, 'PATCH', url, staff.staff, { persons: 2 });
      expect(cancelled.statusCode).toBe(409);
      expect(cancelled.json()).toMatchObject({ code: 'already_cancelled' });
      expect(await statusOf(app, 'PATCH', url, staff.staff, {})).toBe(422);
      expect(await statusOf(app, 'PATCH', url, staff.viewer, { persons: 2 })).toBe(403);
      expect(await statusOf(app, 'PATCH', url, ANONYMOUS, { persons: 2 })).toBe(401);
      const unknown = '/api/v1/admin/bookings/999999999';
      expect(await statusOf(app, 'PATCH', unknown, staff.staff, { persons: 2 })).toBe(404);
    });
  });

  describe('POST /api/v1/admin/bookings/{id}/cancel', () => {
    it('cancels, frees the places and queues one message; a second cancel is harmless', async () => {
      const slot = await createSlot(db, { capacity: 3 });
      const { booking } = await createBooking(db, { slotId: slot.id, persons: 2 });
      const url = `/api/v1/admin/bookings/${booking.id}/cancel`;
      const first = await send(app, 'POST', url, staff.staff, { reason: 'Devotee phoned' });
      expect(first.statusCode).toBe(200);
      expect(first.json()).toMatchObject({
        status: 'cancelled',
        cancelledBy: 'staff',
        cancelReason: 'Devotee phoned',
      });
      const second = await send(app, 'POST', url, staff.staff);
      expect(second.statusCode).toBe(200);
      expect(second.json()).toMatchObject({ status: 'cancelled' });
      expect((await db.slot.findUniqueOrThrow({ where: { id: slot.id } })).booked).toBe(0);
      expect(
        await db.notification.count({ where: { bookingId: booking.id, kind: 'cancellation' } }),
      ).toBe(1);
      expect(
        await db.auditEntry.count({
          where: { bookingId: booking.id, action: 'booking.cancelled' },
        }),
      ).toBe(1);
    });

    it('refuses a viewer (403), an anonymous caller (401) and a too-long reason (422)', async () => {
      const slot = await createSlot(db);
      const { booking } = await createBooking(db, { slotId: slot.id });
      const url = `/api/v1/admin/bookings/${booking.id}/cancel`;
      expect(await statusOf(app, 'POST', url, staff.viewer)).toBe(403);
      expect(await statusOf(app, 'POST', url, ANONYMOUS)).toBe(401);
      expect(await statusOf(app, 'POST', url, staff.staff, { reason: 'x'.repeat(301) })).toBe(422);
      expect((await db.booking.findUniqueOrThrow({ where: { id: booking.id } })).status).toBe(
        'confirmed',
      );
    });
  });
});
