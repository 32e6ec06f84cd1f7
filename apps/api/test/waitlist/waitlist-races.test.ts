import { describe, expect, it } from 'vitest';
import { expireWaitlist } from '../../src/waitlist/expire-waitlist.ts';
import { randomBytes } from 'node:crypto';
import { cancelBooking } from '../../src/bookings/cancel-booking.ts';
import { ManageTokens } from '../../src/bookings/manage-token.ts';
import { testDatabase, testDb } from '../db.ts';
import { uniquePhone } from '../factories.ts';
import { staffAppForSuite } from '../staff-factories.ts';
import { fullSlot, join, placesOf, type Joined } from './waitlist-helpers.ts';

const db = testDb();
const { app } = staffAppForSuite();
const deps = {
  database: testDatabase(),
  timeZone: 'Asia/Kolkata',
  tokens: new ManageTokens(randomBytes(32).toString('hex')),
};

const ROUNDS = 6;
const CAPACITY = 12;

/**
 * Cancellations, expiring offers, new bookings, acceptances and devotees joining, all at once
 * on one slot, round after round. After every round the database must say: never more places
 * than the capacity, slot.booked equal to what live bookings hold, no entry offered twice, no
 * fitting entry left waiting beside free places, and offers made in waitlist order.
 */
describe('the waitlist under concurrent cancellations, expiries, bookings and acceptances', () => {
  it('never oversells, never offers a place twice, and offers in waitlist order', async () => {
    const { slot } = await fullSlot(
      CAPACITY,
      Array.from({ length: CAPACITY }, () => 1),
    );
    const entries: Joined[] = [];
    for (let i = 0; i < 8; i++) entries.push(await join(app, slot.id, 1));

    for (let round = 0; round < ROUNDS; round++) {
      const confirmed = await db.booking.findMany({
        where: { slotId: slot.id, status: 'confirmed' },
        select: { id: true },
      });
      const offered = await db.booking.findMany({
        where: { slotId: slot.id, status: 'offered' },
        select: { id: true, waitlistEntryId: true },
      });
      const operations: Promise<unknown>[] = [];
      // Cancel a few confirmed bookings, straight through the service and never tried again:
      // cancellations of one slot at once must not deadlock.
      for (const { id } of confirmed.slice(0, 3)) {
        operations.push(
          cancelBooking(deps, id, {
            actor: { type: 'staff', label: 'test' },
            enforceCutOff: false,
          }),
        );
      }
      // Half the open offers run out, the other half are accepted (twice, as a double tap).
      offered.forEach((offer, i) => {
        const entry = entries.find((e) => e.id === offer.waitlistEntryId)!;
        if (i % 2 === 0) {
          operations.push(
            db.booking
              .update({
                where: { id: offer.id },
                data: { holdExpiresAt: new Date(Date.now() - 1000) },
              })
              .then(() => expireWaitlist(db)),
          );
        } else {
          const url = `/api/v1/waitlist/${entry.id}/accept?token=${entry.token}`;
          operations.push(app.inject({ method: 'POST', url }), app.inject({ method: 'POST', url }));
        }
      });
      // Devotees trying to book the slot directly, and new ones joining its list.
      for (let i = 0; i < 4; i++) {
        operations.push(
          app.inject({
            method: 'POST',
            url: '/api/v1/bookings',
            payload: {
              slotId: slot.id,
              devoteeName: 'Direct Devotee',
              phone: uniquePhone(),
              persons: 1,
            },
          }),
        );
      }
      for (let i = 0; i < 2; i++) {
        operations.push(
          join(app, slot.id, 1).then(
            (e) => entries.push(e),
            () => undefined,
          ),
        );
      }
      await Promise.all(operations);
      await expectInvariants(slot.id);
    }
    // Something happened: offers were made, accepted and passed on.
    const rows = await db.waitlistEntry.groupBy({
      by: ['status'],
      where: { slotId: slot.id },
      _count: true,
    });
    const statuses = rows.map((r) => r.status);
    expect(statuses).toEqual(expect.arrayContaining(['booked', 'expired']));
  });
});

async function expectInvariants(slotId: number) {
  const places = await placesOf(slotId);
  expect(places.booked).toBeLessThanOrEqual(places.capacity);
  expect(places.booked).toBe(places.held);

  const entries = await db.waitlistEntry.findMany({ where: { slotId }, orderBy: { id: 'asc' } });
  // One offer per entry at most (each offer is a booking linked to one entry).
  for (const entry of entries) expect(entry.offersMade).toBeLessThanOrEqual(1);
  const offers = await db.booking.findMany({ where: { slotId, waitlistEntryId: { not: null } } });
  expect(new Set(offers.map((b) => b.waitlistEntryId)).size).toBe(offers.length);
  expect(offers.length).toBe(entries.filter((e) => e.offersMade > 0).length);

  // No entry waits while there is room for it.
  const free = places.capacity - places.booked;
  const waiting = entries.filter((e) => e.status === 'waiting');
  if (waiting.length > 0) expect(free).toBe(0);

  // In waitlist order: every entry ever offered places came before every entry still waiting
  // (all ask for one place, so the first that fits is the first in line).
  const everOffered = entries.filter((e) => e.offersMade > 0).map((e) => e.id);
  const firstWaiting = waiting[0]?.id ?? Number.POSITIVE_INFINITY;
  for (const id of everOffered) expect(id).toBeLessThan(firstWaiting);
}
