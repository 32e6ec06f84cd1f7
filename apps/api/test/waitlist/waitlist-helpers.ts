import type { TestApp } from '../app.ts';
import { testDb } from '../db.ts';
import { createBooking, createSeva, createSlot, uniquePhone } from '../factories.ts';

/** A slot of `capacity` places, all taken by bookings of `bookedPersons` persons each. */
export async function fullSlot(
  capacity: number,
  bookedPersons: number[],
  seva: Parameters<typeof createSeva>[1] = {},
  startsAt?: Date,
) {
  const db = testDb();
  const sevaRow = await createSeva(db, { maxPersonsPerBooking: 10, ...seva });
  const slot = await createSlot(db, {
    sevaId: sevaRow.id,
    capacity,
    ...(startsAt ? { startsAt } : {}),
  });
  const bookings = [];
  for (const persons of bookedPersons) {
    bookings.push((await createBooking(db, { slotId: slot.id, persons })).booking);
  }
  return { seva: sevaRow, slot, bookings };
}

export function joinBody(persons: number, extra: Record<string, unknown> = {}) {
  return { devoteeName: 'Waiting Devotee', phone: uniquePhone(), persons, ...extra };
}

export interface Joined {
  id: number;
  token: string;
  position: number | null;
  phone: string;
}

export async function join(app: TestApp, slotId: number, persons: number): Promise<Joined> {
  const body = joinBody(persons);
  const res = await app.inject({
    method: 'POST',
    url: `/api/v1/slots/${slotId}/waitlist`,
    payload: body,
  });
  if (res.statusCode !== 201) throw new Error(`join answered ${res.statusCode}: ${res.body}`);
  const json = res.json<{ id: number; token: string; position: number | null }>();
  return { ...json, phone: body.phone };
}

/** The slot's places as the database keeps them, and what its live bookings add up to. */
export async function placesOf(slotId: number) {
  const db = testDb();
  const slot = await db.slot.findUniqueOrThrow({ where: { id: slotId } });
  const live = await db.booking.aggregate({
    where: { slotId, status: { in: ['confirmed', 'pending_payment', 'offered'] } },
    _sum: { persons: true },
  });
  return { capacity: slot.capacity, booked: slot.booked, held: live._sum.persons ?? 0 };
}
