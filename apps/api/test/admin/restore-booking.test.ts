import { describe, expect, it } from 'vitest';
import { ANONYMOUS, send, statusOf } from '../app.ts';
import { testDb } from '../db.ts';
import { createBooking, createSlot } from '../factories.ts';
import { staffAppForSuite } from '../staff-factories.ts';

const UNDO_MS = 15_000;

describe('POST /api/v1/admin/bookings/{id}/restore', () => {
  const { app, staff } = staffAppForSuite({}, { cancellationUndoMs: UNDO_MS });
  const db = testDb();

  /** A confirmed booking of `persons` in a fresh slot, cancelled by staff through the API. */
  async function cancelledBooking(persons = 2, capacity = 5) {
    const slot = await createSlot(db, { capacity });
    const { booking, manageToken } = await createBooking(db, { slotId: slot.id, persons });
    const cancelledAt = Date.now();
    const cancel = await send(
      app,
      'POST',
      `/api/v1/admin/bookings/${booking.id}/cancel`,
      staff.staff,
      { reason: 'Devotee phoned' },
    );
    expect(cancel.statusCode).toBe(200);
    return { slot, booking, manageToken, cancelledAt };
  }
  const restore = (id: number) =>
    send(app, 'POST', `/api/v1/admin/bookings/${id}/restore`, staff.staff);
  const bookedOf = async (slotId: number) =>
    (await db.slot.findUniqueOrThrow({ where: { id: slotId } })).booked;
  const messagesOf = (bookingId: number) =>
    db.notification.findMany({ where: { bookingId }, orderBy: { id: 'asc' } });

  it('holds a staff cancellation’s message for the undo window', async () => {
    const { booking, cancelledAt } = await cancelledBooking();
    const [message] = await db.notification.findMany({
      where: { bookingId: booking.id, kind: 'cancellation' },
    });
    expect(message?.status).toBe('pending');
    expect(message!.dueAt.getTime()).toBeGreaterThanOrEqual(cancelledAt + UNDO_MS - 1_000);
    expect(message!.dueAt.getTime()).toBeLessThanOrEqual(Date.now() + UNDO_MS);
  });

  it('within the window: the same booking, reference and link, its places back, and no message at all', async () => {
    const { slot, booking, manageToken } = await cancelledBooking(2);
    expect(await bookedOf(slot.id)).toBe(0);

    const res = await restore(booking.id);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      id: booking.id,
      reference: booking.reference,
      status: 'confirmed',
      persons: 2,
      cancelledAt: null,
      cancelledBy: null,
      cancelReason: null,
      cancellationWithdrawn: true,
    });
    expect(await bookedOf(slot.id)).toBe(2);
    const row = await db.booking.findUniqueOrThrow({ where: { id: booking.id } });
    expect(row).toMatchObject({
      reference: booking.reference,
      manageTokenHash: booking.manageTokenHash,
      status: 'confirmed',
      slotId: slot.id,
    });
    expect(await db.booking.count({ where: { slotId: slot.id } })).toBe(1);

    // The devotee's link still opens the booking, confirmed.
    const manage = await app.inject({
      method: 'GET',
      url: `/api/v1/bookings/${booking.reference}`,
      headers: { 'x-booking-token': manageToken },
    });
    expect(manage.statusCode).toBe(200);
    expect(manage.json()).toMatchObject({ status: 'confirmed' });

    // The cancellation message is withdrawn; nothing else is queued to tell the devotee.
    const messages = await messagesOf(booking.id);
    expect(messages.filter((m) => m.kind === 'cancellation').map((m) => m.status)).toEqual([
      'cancelled',
    ]);
    expect(messages.filter((m) => m.kind === 'change')).toHaveLength(0);
    expect(
      await db.notification.count({
        where: { bookingId: booking.id, kind: { not: 'reminder' }, status: 'pending' },
      }),
    ).toBe(0);
  });

  it('shows cancel and undo as two entries of one booking’s history', async () => {
    const { booking } = await cancelledBooking();
    expect((await restore(booking.id)).statusCode).toBe(200);
    const entries = await db.auditEntry.findMany({
      where: { bookingId: booking.id },
      orderBy: { id: 'asc' },
    });
    expect(entries.map((e) => [e.action, e.actorType, e.actorId])).toEqual([
      ['booking.cancelled', 'staff', staff.staff.user.id],
      ['booking.restored', 'staff', staff.staff.user.id],
    ]);
    expect(JSON.parse(entries[1]!.after!)).toMatchObject({
      reference: booking.reference,
      status: 'confirmed',
      cancellationWithdrawn: true,
    });

    const history = await send(
      app,
      'GET',
      `/api/v1/admin/audit?bookingId=${booking.id}`,
      staff.staff,
    );
    expect(history.statusCode).toBe(200);
    const actions = history.json<{ items: { action: string }[] }>().items.map((i) => i.action);
    expect(actions).toEqual(['booking.restored', 'booking.cancelled']);
  });

  it('after the window, when the cancellation went out: restores, and a change message tells the devotee it stands', async () => {
    const { slot, booking } = await cancelledBooking(1);
    await db.notification.updateMany({
      where: { bookingId: booking.id, kind: 'cancellation' },
      data: { status: 'sent', sentAt: new Date() },
    });

    const res = await restore(booking.id);
    expect(res.statusCode).toBe(200);
    const body = res.json<{ version: number; reference: string }>();
    expect(res.json()).toMatchObject({ cancellationWithdrawn: false, status: 'confirmed' });
    expect(body.reference).toBe(booking.reference);
    expect(await bookedOf(slot.id)).toBe(1);
    const messages = await messagesOf(booking.id);
    expect(messages.filter((m) => m.kind === 'cancellation').map((m) => m.status)).toEqual([
      'sent',
    ]);
    const change = messages.filter((m) => m.kind === 'change');
    expect(change).toHaveLength(1);
    expect(change[0]).toMatchObject({ status: 'pending', eventSeq: body.version });
  });

  it('a later real cancellation of the restored booking queues its own message', async () => {
    const { booking } = await cancelledBooking(1);
    expect((await restore(booking.id)).statusCode).toBe(200);
    const again = await send(
      app,
      'POST',
      `/api/v1/admin/bookings/${booking.id}/cancel`,
      staff.staff,
    );
    expect(again.statusCode).toBe(200);
    const cancellations = (await messagesOf(booking.id)).filter((m) => m.kind === 'cancellation');
    expect(cancellations.map((m) => m.status)).toEqual(['cancelled', 'pending']);
  });

  it('refuses with 409 slot_full when the places were taken meanwhile, changing nothing', async () => {
    const { slot, booking } = await cancelledBooking(2, 3);
    await createBooking(db, { slotId: slot.id, persons: 2 });
    const auditBefore = await db.auditEntry.count({ where: { bookingId: booking.id } });

    const res = await restore(booking.id);
    expect(res.statusCode).toBe(409);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({ code: 'slot_full' });
    expect(await bookedOf(slot.id)).toBe(2);
    const row = await db.booking.findUniqueOrThrow({ where: { id: booking.id } });
    expect(row).toMatchObject({ status: 'cancelled', version: booking.version + 1 });
    const cancellations = (await messagesOf(booking.id)).filter((m) => m.kind === 'cancellation');
    expect(cancellations.map((m) => m.status)).toEqual(['pending']);
    expect(await db.auditEntry.count({ where: { bookingId: booking.id } })).toBe(auditBefore);
  });

  it('refuses with 409 duplicate_booking when the phone booked the slot again meanwhile', async () => {
    const { slot, booking } = await cancelledBooking(1);
    await createBooking(db, { slotId: slot.id, phone: booking.phone, persons: 1 });

    const res = await restore(booking.id);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'duplicate_booking' });
    expect(await bookedOf(slot.id)).toBe(1);
    expect((await db.booking.findUniqueOrThrow({ where: { id: booking.id } })).status).toBe(
      'cancelled',
    );
    const cancellations = (await messagesOf(booking.id)).filter((m) => m.kind === 'cancellation');
    expect(cancellations.map((m) => m.status)).toEqual(['pending']);
  });

  it('is harmless on a confirmed booking; refuses a viewer, an anonymous caller and an unknown id', async () => {
    const slot = await createSlot(db);
    const { booking } = await createBooking(db, { slotId: slot.id });
    const url = `/api/v1/admin/bookings/${booking.id}/restore`;
    const res = await restore(booking.id);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'confirmed', version: booking.version });
    expect(await bookedOf(slot.id)).toBe(1);
    expect(await statusOf(app, 'POST', url, staff.viewer)).toBe(403);
    expect(await statusOf(app, 'POST', url, ANONYMOUS)).toBe(401);
    expect((await restore(999_999_999)).statusCode).toBe(404);
  });
});
