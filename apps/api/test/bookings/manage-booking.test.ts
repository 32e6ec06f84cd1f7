import { describe, expect, it } from 'vitest';
import { appForSuite } from '../app.ts';
import { testDb } from '../db.ts';
import { createSeva, createSlot, uniquePhone } from '../factories.ts';

const app = appForSuite();
const db = testDb();

async function newBooking(slotId?: number, persons = 1) {
  const id = slotId ?? (await createSlot(db, { capacity: 5 })).id;
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/bookings',
    payload: {
      slotId: id,
      devoteeName: 'Suresh Bhat',
      phone: uniquePhone(),
      persons,
      language: 'kn',
    },
  });
  expect(response.statusCode).toBe(201);
  return response.json<{ reference: string; manageToken: string; slot: { id: number } }>();
}

describe('GET /api/v1/bookings/{reference}', () => {
  it('shows the booking to whoever holds its token, by header or query', async () => {
    const booking = await newBooking();
    const byHeader = await app.inject({
      url: `/api/v1/bookings/${booking.reference}`,
      headers: { 'x-booking-token': booking.manageToken },
    });
    const byQuery = await app.inject({
      url: `/api/v1/bookings/${booking.reference.toLowerCase()}?token=${booking.manageToken}`,
    });
    expect(byHeader.statusCode).toBe(200);
    expect(byHeader.json()).toMatchObject({
      reference: booking.reference,
      language: 'kn',
      cancellable: true,
    });
    expect(byQuery.statusCode).toBe(200);
  });

  it('answers a missing or wrong token exactly like an unknown reference', async () => {
    const booking = await newBooking();
    const missing = await app.inject({ url: `/api/v1/bookings/${booking.reference}` });
    const wrong = await app.inject({
      url: `/api/v1/bookings/${booking.reference}?token=AAAAAAAAAAAAAAAAAAAAAA`,
    });
    const unknown = await app.inject({
      url: `/api/v1/bookings/SB-XXXXXX?token=${booking.manageToken}`,
    });
    for (const r of [missing, wrong, unknown]) {
      expect(r.statusCode).toBe(404);
      expect(r.json()).toMatchObject({
        code: 'not_found',
        detail: 'No booking matches this reference and link.',
      });
    }
  });

  it("never opens booking B with booking A's token", async () => {
    const a = await newBooking();
    const b = await newBooking();
    const response = await app.inject({
      url: `/api/v1/bookings/${b.reference}`,
      headers: { 'x-booking-token': a.manageToken },
    });
    expect(response.statusCode).toBe(404);
  });

  it('gives a calendar file with the token', async () => {
    const booking = await newBooking();
    const response = await app.inject({
      url: `/api/v1/bookings/${booking.reference}.ics?token=${booking.manageToken}`,
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/calendar');
    expect(response.body).toContain('BEGIN:VEVENT');
    expect(response.body).toContain(booking.reference);
    const denied = await app.inject({ url: `/api/v1/bookings/${booking.reference}.ics` });
    expect(denied.statusCode).toBe(404);
  });
});

describe('POST /api/v1/bookings/{reference}/cancel', () => {
  it('cancels, frees the places at once and queues one cancellation message', async () => {
    const slot = await createSlot(db, { capacity: 3 });
    const booking = await newBooking(slot.id, 3);
    expect((await db.slot.findUniqueOrThrow({ where: { id: slot.id } })).booked).toBe(3);

    const cancel = () =>
      app.inject({
        method: 'POST',
        url: `/api/v1/bookings/${booking.reference}/cancel`,
        headers: { 'x-booking-token': booking.manageToken },
        payload: { reason: 'Travel plans changed' },
      });
    const first = await cancel();
    const second = await cancel();

    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ status: 'cancelled', cancellable: false });
    expect(second.statusCode).toBe(200);
    const stored = await db.booking.findUniqueOrThrow({
      where: { reference: booking.reference },
      include: { notifications: true, slot: true },
    });
    expect(stored).toMatchObject({
      status: 'cancelled',
      cancelledBy: 'devotee',
      cancelReason: 'Travel plans changed',
    });
    expect(stored.slot.booked).toBe(0);
    const byKind = Object.fromEntries(stored.notifications.map((n) => [n.kind, n.status]));
    expect(byKind).toEqual({
      confirmation: 'pending',
      cancellation: 'pending',
      reminder: 'cancelled',
    });
  });

  it("refuses after the seva's cut-off and changes nothing", async () => {
    const seva = await createSeva(db, { bookingClosesMinutesBefore: 120 });
    const slot = await createSlot(db, {
      sevaId: seva.id,
      startsAt: new Date(Date.now() + 3 * 3_600_000),
    });
    const booking = await newBooking(slot.id);
    // The cut-off passes: move the slot to start within the next two hours.
    await db.slot.update({
      where: { id: slot.id },
      data: { startsAt: new Date(Date.now() + 3_600_000) },
    });

    const response = await app.inject({
      method: 'POST',
      url: `/api/v1/bookings/${booking.reference}/cancel?token=${booking.manageToken}`,
    });

    expect(response.statusCode).toBe(422);
    expect(response.json().code).toBe('cancellation_closed');
    const stored = await db.booking.findUniqueOrThrow({
      where: { reference: booking.reference },
      include: { slot: true },
    });
    expect(stored.status).toBe('confirmed');
    expect(stored.slot.booked).toBe(1);
  });

  it('refuses a wrong token with 404 and changes nothing', async () => {
    const booking = await newBooking();
    const response = await app.inject({
      method: 'POST',
      url: `/api/v1/bookings/${booking.reference}/cancel?token=wrong`,
    });
    expect(response.statusCode).toBe(404);
    expect(
      (await db.booking.findUniqueOrThrow({ where: { reference: booking.reference } })).status,
    ).toBe('confirmed');
  });
});
