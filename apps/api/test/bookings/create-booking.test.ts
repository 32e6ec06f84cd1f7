import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../app.ts';
import { testDb } from '../db.ts';
import { createSeva, createSlot, uniquePhone } from '../factories.ts';

let app: FastifyInstance;
const db = testDb();

beforeAll(async () => {
  app = await buildTestApp();
});
afterAll(async () => {
  await app.close();
});

function book(body: Record<string, unknown>, headers: Record<string, string> = {}) {
  return app.inject({ method: 'POST', url: '/api/v1/bookings', payload: body, headers });
}

function bookingBody(slotId: number, extra: Record<string, unknown> = {}) {
  return { slotId, devoteeName: 'Lakshmi Rao', phone: uniquePhone(), persons: 1, ...extra };
}

async function slotState(slotId: number) {
  const slot = await db.slot.findUniqueOrThrow({ where: { id: slotId } });
  const confirmed = await db.booking.aggregate({
    where: { slotId, status: 'confirmed' },
    _sum: { persons: true },
    _count: true,
  });
  return {
    booked: slot.booked,
    confirmedPersons: confirmed._sum.persons ?? 0,
    confirmedRows: confirmed._count,
  };
}

describe('POST /api/v1/bookings', () => {
  it('books a place and writes the booking, its outbox rows and an audit entry together', async () => {
    const seva = await createSeva(db, { asksGotra: true, asksNakshatra: true, feePaise: 5000 });
    const slot = await createSlot(db, { sevaId: seva.id, capacity: 5 });

    const response = await book(
      bookingBody(slot.id, {
        phone: '98450 12345',
        persons: 2,
        gotra: 'Kashyapa',
        nakshatra: 'rohini',
        rashi: 'mesha',
      }),
    );

    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body.reference).toMatch(/^SB-[346789ABCDEFGHJKMNPQRTWXY]{6}$/);
    expect(body.manageToken).toMatch(/^[\w-]{22}$/);
    expect(body.manageUrl).toContain(`/manage/${body.reference}?token=${body.manageToken}`);
    expect(body).toMatchObject({
      status: 'confirmed',
      phone: '+919845012345',
      persons: 2,
      feePaise: 10000,
    });
    expect(body.gotra).toBe('Kashyapa');
    expect(body.rashi).toBeNull(); // this seva does not ask for a rashi

    const stored = await db.booking.findUniqueOrThrow({
      where: { reference: body.reference },
      include: { notifications: true, auditEntries: true },
    });
    expect(stored.manageTokenHash).not.toContain(body.manageToken);
    expect(stored.source).toBe('web');
    expect(stored.notifications.map((n) => n.kind).sort()).toEqual(['confirmation', 'reminder']);
    expect(stored.auditEntries).toHaveLength(1);
    expect(stored.auditEntries[0]).toMatchObject({
      action: 'booking.created',
      actorType: 'devotee',
      actorLabel: 'devotee',
      entityId: stored.id,
    });
    expect(JSON.parse(stored.auditEntries[0]!.after!)).toMatchObject({
      reference: body.reference,
      status: 'confirmed',
      phone: '+919845012345',
      persons: 2,
      gotra: 'Kashyapa',
    });
    expect(await slotState(slot.id)).toEqual({ booked: 2, confirmedPersons: 2, confirmedRows: 1 });
  });

  it('sells exactly 10 places when 300 devotees book a 10-place slot at once', async () => {
    const slot = await createSlot(db, { capacity: 10 });

    const responses = await Promise.all(
      Array.from({ length: 300 }, () => book(bookingBody(slot.id))),
    );

    const statuses = responses.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 201)).toHaveLength(10);
    expect(statuses.filter((s) => s === 409)).toHaveLength(290);
    for (const r of responses.filter((r) => r.statusCode === 409))
      expect(r.json().code).toBe('slot_full');
    expect(await slotState(slot.id)).toEqual({
      booked: 10,
      confirmedPersons: 10,
      confirmedRows: 10,
    });
  });

  it('never oversells with several persons per booking, mixed with cancellations', async () => {
    const seva = await createSeva(db, { maxPersonsPerBooking: 5 });
    const slot = await createSlot(db, { sevaId: seva.id, capacity: 10 });
    const first = (await book(bookingBody(slot.id, { persons: 4 }))).json();

    const burst = Array.from({ length: 120 }, (_, i) =>
      book(bookingBody(slot.id, { persons: (i % 3) + 1 })),
    );
    const cancel = app.inject({
      method: 'POST',
      url: `/api/v1/bookings/${first.reference}/cancel`,
      headers: { 'x-booking-token': first.manageToken },
    });
    const responses = await Promise.all([...burst, cancel]);

    expect(responses.every((r) => [200, 201, 409].includes(r.statusCode))).toBe(true);
    const state = await slotState(slot.id);
    expect(state.booked).toBe(state.confirmedPersons);
    expect(state.booked).toBeLessThanOrEqual(10);

    // The cancelled booking's places are bookable again at once: fill the slot one by one.
    let filled = 0;
    while ((await book(bookingBody(slot.id))).statusCode === 201) filled++;
    expect(state.booked + filled).toBe(10);
    expect(await slotState(slot.id)).toMatchObject({ booked: 10, confirmedPersons: 10 });
  });

  it('returns the first booking for a repeated Idempotency-Key, without a second one', async () => {
    const slot = await createSlot(db, { capacity: 5 });
    const key = randomUUID();
    const body = bookingBody(slot.id);

    const first = await book(body, { 'idempotency-key': key });
    const again = await Promise.all([
      book(body, { 'idempotency-key': key }),
      book(body, { 'idempotency-key': key }),
    ]);

    expect(first.statusCode).toBe(201);
    for (const r of again) {
      expect(r.statusCode).toBe(200);
      expect(r.json().reference).toBe(first.json().reference);
      expect(r.json().manageToken).toBe(first.json().manageToken);
    }
    expect(await slotState(slot.id)).toEqual({ booked: 1, confirmedPersons: 1, confirmedRows: 1 });
    expect(
      await db.notification.count({
        where: { booking: { slotId: slot.id }, kind: 'confirmation' },
      }),
    ).toBe(1);
  });

  it('refuses an Idempotency-Key reused for a different request', async () => {
    const slot = await createSlot(db, { capacity: 5 });
    const key = randomUUID();
    await book(bookingBody(slot.id), { 'idempotency-key': key });

    const response = await book(bookingBody(slot.id), { 'idempotency-key': key });

    expect(response.statusCode).toBe(422);
    expect(response.json().code).toBe('idempotency_key_reused');
    expect((await slotState(slot.id)).confirmedRows).toBe(1);
  });

  it('refuses a second confirmed booking by the same phone, and allows it again after cancelling', async () => {
    const slot = await createSlot(db, { capacity: 5 });
    const phone = uniquePhone();
    const first = (await book(bookingBody(slot.id, { phone }))).json();

    const duplicate = await book(bookingBody(slot.id, { phone: phone.replace('+91', '0') }));
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().code).toBe('duplicate_booking');
    expect(await slotState(slot.id)).toEqual({ booked: 1, confirmedPersons: 1, confirmedRows: 1 });

    await app.inject({
      method: 'POST',
      url: `/api/v1/bookings/${first.reference}/cancel?token=${first.manageToken}`,
    });
    const rebook = await book(bookingBody(slot.id, { phone }));
    expect(rebook.statusCode).toBe(201);
  });

  it('refuses bookings before the window opens and after it closes, changing nothing', async () => {
    const seva = await createSeva(db, { bookingOpensDaysAhead: 2, bookingClosesMinutesBefore: 60 });
    const tooFar = await createSlot(db, {
      sevaId: seva.id,
      startsAt: new Date(Date.now() + 10 * 86_400_000),
    });
    const tooSoon = await createSlot(db, {
      sevaId: seva.id,
      startsAt: new Date(Date.now() + 30 * 60_000),
    });

    const early = await book(bookingBody(tooFar.id));
    const late = await book(bookingBody(tooSoon.id));

    expect([early.statusCode, early.json().code]).toEqual([422, 'booking_not_open_yet']);
    expect([late.statusCode, late.json().code]).toEqual([422, 'booking_window_closed']);
    expect((await slotState(tooFar.id)).booked + (await slotState(tooSoon.id)).booked).toBe(0);
  });

  it('refuses more persons than the seva allows in one booking', async () => {
    const seva = await createSeva(db, { maxPersonsPerBooking: 2 });
    const slot = await createSlot(db, { sevaId: seva.id });

    const response = await book(bookingBody(slot.id, { persons: 3 }));

    expect([response.statusCode, response.json().code]).toEqual([422, 'persons_exceed_limit']);
    expect((await slotState(slot.id)).booked).toBe(0);
  });

  it('answers a closed slot with slot_not_bookable', async () => {
    const slot = await createSlot(db, { status: 'closed' });
    const response = await book(bookingBody(slot.id));
    expect([response.statusCode, response.json().code]).toEqual([409, 'slot_not_bookable']);
  });

  describe('a slot this process has read before', () => {
    // The first booking makes the process remember the slot; what changes after it must count.
    async function rememberedSlot(fields: Parameters<typeof createSeva>[1] = {}) {
      const seva = await createSeva(db, { maxPersonsPerBooking: 4, ...fields });
      const slot = await createSlot(db, { sevaId: seva.id, capacity: 20 });
      expect((await book(bookingBody(slot.id))).statusCode).toBe(201);
      return { seva, slot };
    }

    it('follows a change to its seva made since: the transaction refuses what was judged by the old one', async () => {
      const { seva, slot } = await rememberedSlot();
      await db.seva.update({ where: { id: seva.id }, data: { maxPersonsPerBooking: 1 } });

      const response = await book(bookingBody(slot.id, { persons: 2 }));

      expect([response.statusCode, response.json().code]).toEqual([422, 'persons_exceed_limit']);
      expect(await slotState(slot.id)).toMatchObject({ booked: 1, confirmedRows: 1 });
    });

    it('refuses a seva made inactive since, and a slot moved since is booked at its new time', async () => {
      const { seva, slot } = await rememberedSlot();
      const moved = await rememberedSlot();
      await db.seva.update({ where: { id: seva.id }, data: { active: false } });
      const newStart = new Date(moved.slot.startsAt.getTime() + 3_600_000);
      await db.slot.update({ where: { id: moved.slot.id }, data: { startsAt: newStart } });

      const inactive = await book(bookingBody(slot.id));
      const atNewTime = await book(bookingBody(moved.slot.id));

      expect([inactive.statusCode, inactive.json().code]).toEqual([409, 'slot_not_bookable']);
      expect(atNewTime.statusCode).toBe(201);
      expect(atNewTime.json().slot.startsAt).toBe(newStart.toISOString());
    });

    it('books a slot reopened since, and a place freed since, instead of refusing from memory', async () => {
      const { slot } = await rememberedSlot();
      await db.slot.update({ where: { id: slot.id }, data: { status: 'closed' } });
      expect((await book(bookingBody(slot.id))).json().code).toBe('slot_not_bookable');
      await db.slot.update({ where: { id: slot.id }, data: { status: 'open', capacity: 1 } });

      const reopened = await book(bookingBody(slot.id));
      expect(reopened.json().code).toBe('slot_full');
      await db.slot.update({ where: { id: slot.id }, data: { capacity: 2 } });
      const freed = await book(bookingBody(slot.id));

      expect(freed.statusCode).toBe(201);
      expect(await slotState(slot.id)).toMatchObject({ booked: 2, confirmedRows: 2 });
    });
  });

  describe('bad input gets a problem+json answer and changes nothing', () => {
    it.each([
      ['an unknown slot', { slotId: 999_999_999 }, 404, 'not_found'],
      ['a bad phone number', { phone: '12345' }, 422, 'validation_failed'],
      ['no name', { devoteeName: '' }, 422, 'validation_failed'],
      ['zero persons', { persons: 0 }, 422, 'validation_failed'],
      ['an unknown nakshatra', { nakshatra: 'pluto' }, 422, 'validation_failed'],
      ['an unknown field', { vip: true }, 422, 'validation_failed'],
      ['a string slot id', { slotId: 'one' }, 422, 'validation_failed'],
    ])('%s', async (_name, change, status, code) => {
      const slot = await createSlot(db, { capacity: 3 });
      const response = await book({ ...bookingBody(slot.id), ...change });
      expect(response.statusCode).toBe(status);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json()).toMatchObject({ status, code });
      expect(await slotState(slot.id)).toEqual({
        booked: 0,
        confirmedPersons: 0,
        confirmedRows: 0,
      });
    });

    it('names the field at fault', async () => {
      const slot = await createSlot(db);
      const response = await book({ ...bookingBody(slot.id), phone: 'call me' });
      expect(response.json().errors).toEqual([expect.objectContaining({ path: 'body.phone' })]);
    });

    it('answers malformed JSON with 400 invalid_json', async () => {
      const response = await app.inject({
        method: 'POST',
        url: '/api/v1/bookings',
        headers: { 'content-type': 'application/json' },
        payload: '{"slotId": 1,',
      });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ code: 'invalid_json', status: 400 });
    });

    it('answers an oversized body with 413', async () => {
      const slot = await createSlot(db);
      const response = await book({ ...bookingBody(slot.id), gotra: 'x'.repeat(100_000) });
      expect(response.statusCode).toBe(413);
      expect(response.json().code).toBe('payload_too_large');
    });

    it('answers an unknown route with a problem+json 404', async () => {
      const response = await app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
      expect(response.statusCode).toBe(404);
      expect(response.json().code).toBe('not_found');
    });
  });
});
