import { describe, expect, it } from 'vitest';
import { ManageTokens } from '../../src/bookings/manage-token.ts';
import { expireWaitlist } from '../../src/waitlist/expire-waitlist.ts';
import { testDb } from '../db.ts';
import { createBooking, createSlot, uniquePhone } from '../factories.ts';
import { staffAppForSuite } from '../staff-factories.ts';
import { fullSlot, join, joinBody, placesOf } from './waitlist-helpers.ts';

const db = testDb();
const { app, staff } = staffAppForSuite();

async function cancelByStaff(bookingId: number) {
  const res = await app.inject({
    method: 'POST',
    url: `/api/v1/admin/bookings/${bookingId}/cancel`,
    headers: staff.staff.headers,
    payload: {},
  });
  expect(res.statusCode).toBe(200);
}

async function offerOf(entryId: number) {
  return db.booking.findUnique({ where: { waitlistEntryId: entryId } });
}

describe('POST /api/v1/slots/{slotId}/waitlist', () => {
  it('refuses to put a devotee on the list while the places they need are free', async () => {
    const { slot } = await fullSlot(4, [2]);
    const res = await app.inject({
      method: 'POST',
      url: `/api/v1/slots/${slot.id}/waitlist`,
      payload: joinBody(2),
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'places_available' });
    expect(await db.waitlistEntry.count({ where: { slotId: slot.id } })).toBe(0);
  });

  it('takes a devotee whose persons do not fit, with their position and a link token kept hashed', async () => {
    const { slot } = await fullSlot(4, [2, 1]);
    const first = await join(app, slot.id, 2);
    const second = await join(app, slot.id, 3);
    expect([first.position, second.position]).toEqual([1, 2]);
    const row = await db.waitlistEntry.findUniqueOrThrow({ where: { id: second.id } });
    expect(row).toMatchObject({ status: 'waiting', persons: 3, phone: second.phone });
    expect(row.tokenHash).toBe(ManageTokens.hash(second.token));
    expect(row.tokenHash).not.toContain(second.token);
  });

  it('keeps one live entry per phone per slot', async () => {
    const { slot } = await fullSlot(2, [2]);
    const body = joinBody(1);
    const url = `/api/v1/slots/${slot.id}/waitlist`;
    const first = await app.inject({ method: 'POST', url, payload: body });
    const again = await app.inject({ method: 'POST', url, payload: body });
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'already_waiting' });
    expect(await db.waitlistEntry.count({ where: { slotId: slot.id } })).toBe(1);
  });

  it('refuses a phone that already holds a booking of the slot', async () => {
    const { slot } = await fullSlot(2, [1]);
    const phone = uniquePhone();
    await createBooking(db, { slotId: slot.id, persons: 1, phone });
    const res = await app.inject({
      method: 'POST',
      url: `/api/v1/slots/${slot.id}/waitlist`,
      payload: joinBody(1, { phone }),
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'duplicate_booking' });
  });

  it('applies the same daily cap per phone as bookings', async () => {
    const phone = uniquePhone();
    const { seva, slot } = await fullSlot(1, [1]);
    // Three bookings of the seva that day already (the default cap is 3).
    for (let i = 0; i < 3; i++) {
      const other = await createSlot(db, {
        sevaId: seva.id,
        startsAt: new Date(slot.startsAt.getTime() + (i + 1) * 60_000),
      });
      await createBooking(db, { slotId: other.id, phone });
    }
    const res = await app.inject({
      method: 'POST',
      url: `/api/v1/slots/${slot.id}/waitlist`,
      payload: joinBody(1, { phone }),
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'booking_limit_reached' });
  });

  it('checks the devotee’s name like a booking does', async () => {
    const { slot } = await fullSlot(1, [1]);
    const res = await app.inject({
      method: 'POST',
      url: `/api/v1/slots/${slot.id}/waitlist`,
      payload: joinBody(1, { devoteeName: 'see www.example.com' }),
    });
    expect(res.statusCode).toBe(422);
    expect(await db.waitlistEntry.count({ where: { slotId: slot.id } })).toBe(0);
  });
});

describe('GET and DELETE /api/v1/waitlist/{id}', () => {
  it('shows the position with the token, 404 without it, and moves others up when one leaves', async () => {
    const { slot } = await fullSlot(2, [2]);
    const a = await join(app, slot.id, 1);
    const b = await join(app, slot.id, 1);
    const wrong = await app.inject({ url: `/api/v1/waitlist/${b.id}?token=nope` });
    expect(wrong.statusCode).toBe(404);
    const left = await app.inject({
      method: 'DELETE',
      url: `/api/v1/waitlist/${a.id}?token=${a.token}`,
    });
    expect(left.statusCode).toBe(200);
    expect(left.json()).toMatchObject({ status: 'removed', position: null });
    const seen = await app.inject({ url: `/api/v1/waitlist/${b.id}?token=${b.token}` });
    expect(seen.json()).toMatchObject({ status: 'waiting', position: 1, offer: null });
    expect((await db.waitlistEntry.findUniqueOrThrow({ where: { id: a.id } })).status).toBe(
      'removed',
    );
  });
});

describe('offers of freed places', () => {
  it('offers a cancelled booking’s places to the first entry that fits, holding them in the slot', async () => {
    const { slot, bookings } = await fullSlot(4, [2, 2]);
    const big = await join(app, slot.id, 3);
    const small = await join(app, slot.id, 2);
    await cancelByStaff(bookings[0]!.id);

    const offer = await offerOf(small.id);
    expect(offer).toMatchObject({ status: 'offered', persons: 2, phone: small.phone });
    expect(offer!.holdExpiresAt!.getTime()).toBeGreaterThan(Date.now());
    expect(await offerOf(big.id)).toBeNull();
    expect(await placesOf(slot.id)).toEqual({ capacity: 4, booked: 4, held: 4 });
    const entry = await db.waitlistEntry.findUniqueOrThrow({ where: { id: small.id } });
    expect(entry).toMatchObject({ status: 'offered', offersMade: 1 });
    const messages = await db.notification.findMany({ where: { bookingId: offer!.id } });
    expect(messages.map((m) => m.kind)).toEqual(['waitlist_offer']);

    const seen = await app.inject({ url: `/api/v1/waitlist/${small.id}?token=${small.token}` });
    expect(seen.json()).toMatchObject({
      status: 'offered',
      offer: { reference: offer!.reference, persons: 2 },
    });
    // Nobody else can book the held places.
    const booking = await app.inject({
      method: 'POST',
      url: '/api/v1/bookings',
      payload: { slotId: slot.id, devoteeName: 'Late Comer', phone: uniquePhone(), persons: 1 },
    });
    expect(booking.statusCode).toBe(409);
  });

  it('confirms the booking when the devotee accepts, once, with its messages and manage link', async () => {
    const { slot, bookings } = await fullSlot(2, [2]);
    const waiting = await join(app, slot.id, 2);
    await cancelByStaff(bookings[0]!.id);
    const url = `/api/v1/waitlist/${waiting.id}/accept?token=${waiting.token}`;

    const res = await app.inject({ method: 'POST', url });
    expect(res.statusCode).toBe(200);
    const accepted = res.json<{ reference: string; manageToken: string; status: string }>();
    expect(accepted.status).toBe('confirmed');
    const again = await app.inject({ method: 'POST', url });
    expect(again.json()).toMatchObject({ reference: accepted.reference });

    const booking = await db.booking.findUniqueOrThrow({
      where: { reference: accepted.reference },
    });
    expect(booking).toMatchObject({ status: 'confirmed', holdExpiresAt: null });
    const entry = await db.waitlistEntry.findUniqueOrThrow({ where: { id: waiting.id } });
    expect(entry.status).toBe('booked');
    const kinds = (await db.notification.findMany({ where: { bookingId: booking.id } }))
      .map((m) => m.kind)
      .sort();
    expect(kinds).toEqual(['confirmation', 'reminder', 'waitlist_offer']);
    const opened = await app.inject({
      url: `/api/v1/bookings/${accepted.reference}?token=${accepted.manageToken}`,
    });
    expect(opened.statusCode).toBe(200);
    expect(await placesOf(slot.id)).toEqual({ capacity: 2, booked: 2, held: 2 });
  });

  it('passes an offer not taken in time to the next entry, and refuses the late acceptance', async () => {
    const { slot, bookings } = await fullSlot(2, [1, 1]);
    const first = await join(app, slot.id, 1);
    const second = await join(app, slot.id, 1);
    await cancelByStaff(bookings[0]!.id);
    const offer = await offerOf(first.id);
    await db.booking.update({
      where: { id: offer!.id },
      data: { holdExpiresAt: new Date(Date.now() - 1000) },
    });

    const late = await app.inject({
      method: 'POST',
      url: `/api/v1/waitlist/${first.id}/accept?token=${first.token}`,
    });
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({ code: 'offer_not_open' });
    expect((await db.booking.findUniqueOrThrow({ where: { id: offer!.id } })).status).toBe(
      'expired',
    );
    expect((await db.waitlistEntry.findUniqueOrThrow({ where: { id: first.id } })).status).toBe(
      'expired',
    );
    expect(await offerOf(second.id)).toMatchObject({ status: 'offered' });
    expect(await placesOf(slot.id)).toEqual({ capacity: 2, booked: 2, held: 2 });
  });

  it('the sweep expires offers past their hold and passes them on', async () => {
    const { slot, bookings } = await fullSlot(1, [1]);
    const first = await join(app, slot.id, 1);
    const second = await join(app, slot.id, 1);
    await cancelByStaff(bookings[0]!.id);
    const offer = await offerOf(first.id);
    await db.booking.update({
      where: { id: offer!.id },
      data: { holdExpiresAt: new Date(Date.now() - 1000) },
    });
    const counts = await expireWaitlist(db);
    expect(counts.offersExpired).toBeGreaterThanOrEqual(1);
    expect(await offerOf(second.id)).toMatchObject({ status: 'offered' });
    expect(await placesOf(slot.id)).toEqual({ capacity: 1, booked: 1, held: 1 });
  });

  it('offers places added by raising the capacity', async () => {
    const { slot } = await fullSlot(2, [2]);
    const waiting = await join(app, slot.id, 2);
    const res = await app.inject({
      method: 'PATCH',
      url: `/api/v1/admin/slots/${slot.id}`,
      headers: staff.admin.headers,
      payload: { capacity: 4 },
    });
    expect(res.statusCode).toBe(200);
    expect(await offerOf(waiting.id)).toMatchObject({ status: 'offered', persons: 2 });
    expect(await placesOf(slot.id)).toEqual({ capacity: 4, booked: 4, held: 4 });
  });

  it('never holds an offer past the seva’s booking close', async () => {
    const startsAt = new Date(Date.now() + 90 * 60_000);
    startsAt.setUTCSeconds(0, 0);
    const { slot, bookings } = await fullSlot(1, [1], { bookingClosesMinutesBefore: 30 }, startsAt);
    const waiting = await join(app, slot.id, 1);
    await cancelByStaff(bookings[0]!.id);
    const offer = await offerOf(waiting.id);
    expect(offer!.holdExpiresAt!.getTime()).toBe(startsAt.getTime() - 30 * 60_000);
  });

  it('expires the entries of a slot that has started', async () => {
    const { slot } = await fullSlot(1, [1]);
    const waiting = await join(app, slot.id, 1);
    await db.slot.update({
      where: { id: slot.id },
      data: { startsAt: new Date(Date.now() - 60_000) },
    });
    await expireWaitlist(db);
    const entry = await db.waitlistEntry.findUniqueOrThrow({ where: { id: waiting.id } });
    expect(entry.status).toBe('expired');
  });
});

describe('staff and the waiting list', () => {
  it('lists a slot’s entries in order, phones masked for viewers', async () => {
    const { slot } = await fullSlot(1, [1]);
    const a = await join(app, slot.id, 1);
    await join(app, slot.id, 1);
    const url = `/api/v1/admin/slots/${slot.id}/waitlist`;
    const asStaff = await app.inject({ url, headers: staff.staff.headers });
    expect(asStaff.statusCode).toBe(200);
    const items = asStaff.json<{ items: { id: number; position: number; phone: string }[] }>()
      .items;
    expect(items.map((i) => i.position)).toEqual([1, 2]);
    expect(items[0]).toMatchObject({ id: a.id, phone: a.phone });
    const asViewer = await app.inject({ url, headers: staff.viewer.headers });
    expect(asViewer.json<{ items: { phone: string }[] }>().items[0]!.phone).not.toBe(a.phone);
  });

  it('offers free places to a chosen entry by hand, only if they fit', async () => {
    const { slot } = await fullSlot(3, [3]);
    const big = await join(app, slot.id, 3);
    const small = await join(app, slot.id, 1);
    // One place free without a release (as after the booking close, when nothing is offered).
    await db.slot.update({ where: { id: slot.id }, data: { booked: 2 } });
    await db.booking.updateMany({ where: { slotId: slot.id }, data: { persons: 2 } });
    const refused = await app.inject({
      method: 'POST',
      url: `/api/v1/admin/waitlist/${big.id}/offer`,
      headers: staff.staff.headers,
    });
    expect(refused.statusCode).toBe(409);
    expect(await offerOf(big.id)).toBeNull();
    const res = await app.inject({
      method: 'POST',
      url: `/api/v1/admin/waitlist/${small.id}/offer`,
      headers: staff.staff.headers,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'offered', offersMade: 1 });
    expect(await placesOf(slot.id)).toEqual({ capacity: 3, booked: 3, held: 3 });
    const viewer = await app.inject({
      method: 'POST',
      url: `/api/v1/admin/waitlist/${big.id}/offer`,
      headers: staff.viewer.headers,
    });
    expect(viewer.statusCode).toBe(403);
  });

  it('removes an entry holding an offer and passes the places on', async () => {
    const { slot, bookings } = await fullSlot(1, [1]);
    const first = await join(app, slot.id, 1);
    const second = await join(app, slot.id, 1);
    await cancelByStaff(bookings[0]!.id);
    const res = await app.inject({
      method: 'DELETE',
      url: `/api/v1/admin/waitlist/${first.id}`,
      headers: staff.staff.headers,
    });
    expect(res.statusCode).toBe(200);
    const removed = await db.waitlistEntry.findUniqueOrThrow({ where: { id: first.id } });
    expect(removed).toMatchObject({ status: 'removed', removedByStaffId: staff.staff.user.id });
    expect((await offerOf(first.id))!.status).toBe('cancelled');
    expect(await offerOf(second.id)).toMatchObject({ status: 'offered' });
    expect(await placesOf(slot.id)).toEqual({ capacity: 1, booked: 1, held: 1 });
  });

  it('closing a slot expires its entries and offers nothing', async () => {
    const { slot } = await fullSlot(1, [1]);
    const waiting = await join(app, slot.id, 1);
    const res = await app.inject({
      method: 'PATCH',
      url: `/api/v1/admin/slots/${slot.id}`,
      headers: staff.admin.headers,
      payload: { status: 'closed', reason: 'The priest is away.' },
    });
    expect(res.statusCode).toBe(200);
    expect((await db.waitlistEntry.findUniqueOrThrow({ where: { id: waiting.id } })).status).toBe(
      'expired',
    );
    expect(await offerOf(waiting.id)).toBeNull();
    expect(await placesOf(slot.id)).toEqual({ capacity: 1, booked: 0, held: 0 });
  });
});
