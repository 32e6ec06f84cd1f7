import { addDaysToDate, templeDateOf, templeDateTimeToUtc } from '@sevabook/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REMINDER_LEAD_MS } from '../../src/notifications/outbox.ts';
import { ChaosTemple, twilioEnv, waitUntil, type ApiProcess } from '../chaos/processes.ts';
import { createSeva, createSlot, uniquePhone } from '../factories.ts';
import { bearerFor, createStaffUser, TEST_JWT_SECRET } from '../staff-factories.ts';

/**
 * The real API process on servers whose clocks are set to zones far from UTC and from the
 * temple's: behind it (America/Los_Angeles, UTC−8) and 12¾ hours ahead (Pacific/Chatham). The
 * rest of the suite runs under Asia/Kolkata (vitest.config.ts). Whatever the server's zone,
 * every instant is stored in UTC and every date a devotee sees is in the temple's zone
 * (Asia/Kolkata): booking, the per-phone day, listing, cancelling and the WhatsApp messages.
 */

const TEMPLE_ZONE = 'Asia/Kolkata';
const ZONES = ['America/Los_Angeles', 'Pacific/Chatham'];

const temple = ChaosTemple.forSuite({ connections: 2, fakeTwilio: true });

async function call(api: ApiProcess, path: string, init: RequestInit = {}) {
  const response = await fetch(`${api.url}${path}`, {
    ...init,
    headers: { 'content-type': 'application/json', ...init.headers },
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

function book(api: ApiProcess, slotId: number, phone: string) {
  return call(api, '/api/v1/bookings', {
    method: 'POST',
    body: JSON.stringify({ slotId, devoteeName: 'Vasudha Rao', phone, persons: 1 }),
  });
}

async function listed(api: ApiProcess, sevaId: number, date: string) {
  const { status, body } = await call(
    api,
    `/api/v1/slots?from=${date}&to=${date}&sevaId=${sevaId}`,
  );
  expect(status).toBe(200);
  return (body.items as { id: number; startsAt: string; remaining: number }[]).map((s) => ({
    id: s.id,
    startsAt: s.startsAt,
    remaining: s.remaining,
  }));
}

/** The date as the devotee's message spells it: in the temple's zone. */
function templeDateInWords(instant: Date): string {
  return new Intl.DateTimeFormat('en-IN', {
    timeZone: TEMPLE_ZONE,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(instant);
}

for (const zone of ZONES) {
  describe(`the API on a server whose clock is set to ${zone}`, () => {
    let api: ApiProcess;
    beforeAll(async () => {
      api = await temple.startApi({
        ...twilioEnv(temple.twilio),
        TZ: zone,
        TEMPLE_TIMEZONE: TEMPLE_ZONE,
        NOTIFIER: 'inline',
        JWT_SECRET: TEST_JWT_SECRET,
        BOOKINGS_PER_PHONE_PER_SEVA_PER_DAY: '1',
      });
    }, 120_000);
    afterAll(async () => {
      await api.stop();
    });

    it('books online and at the counter, counts the phone’s temple day, lists, cancels and sends in temple time', async () => {
      const { db, twilio } = temple;
      const seva = await createSeva(db);
      // A temple date three days ahead, and three slots around its edges: its first half hour
      // (the evening before in UTC), its last quarter (the same UTC date), and the next day's
      // first quarter. The server's own date differs from the temple's for some of them.
      const day = templeDateOf(new Date(Date.now() + 3 * 86_400_000), TEMPLE_ZONE);
      const nextDay = addDaysToDate(day, 1);
      const [early, late, following] = await Promise.all(
        [
          [day, '00:30'],
          [day, '23:45'],
          [nextDay, '00:15'],
        ].map(([date, time]) =>
          createSlot(db, {
            sevaId: seva.id,
            startsAt: templeDateTimeToUtc(date!, time!, TEMPLE_ZONE),
            capacity: 5,
          }),
        ),
      );
      expect(await listed(api, seva.id, day)).toEqual([
        { id: early!.id, startsAt: early!.startsAt.toISOString(), remaining: 5 },
        { id: late!.id, startsAt: late!.startsAt.toISOString(), remaining: 5 },
      ]);

      const phone = uniquePhone();
      const before = new Date();
      const first = await book(api, early!.id, phone);
      const after = new Date();
      expect(first.status, JSON.stringify(first.body)).toBe(201);
      // One booking per phone per seva per temple day: the day's last slot is the same day…
      const sameDay = await book(api, late!.id, phone);
      expect(sameDay.status).toBe(409);
      expect(sameDay.body.code).toBe('booking_limit_reached');
      // …and the next day's first is not.
      const nextDayBooking = await book(api, following!.id, phone);
      expect(nextDayBooking.status, JSON.stringify(nextDayBooking.body)).toBe(201);
      // The counter books the whole family on one number, whatever the cap.
      const { user } = await createStaffUser(db, { role: 'staff' });
      const counter = await call(api, '/api/v1/admin/bookings', {
        method: 'POST',
        headers: bearerFor(user),
        body: JSON.stringify({ slotId: late!.id, devoteeName: 'Vasudha Rao', phone, persons: 2 }),
      });
      expect(counter.status, JSON.stringify(counter.body)).toBe(201);
      expect(counter.body).toMatchObject({
        source: 'counter',
        slot: { startsAt: late!.startsAt.toISOString() },
      });

      const reference = first.body.reference as string;
      const stored = await db.booking.findUniqueOrThrow({
        where: { reference },
        include: { notifications: true },
      });
      // Written when the request was made (a zone's error would be hours, not the second here).
      expect(stored.createdAt.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1_000);
      expect(stored.createdAt.getTime()).toBeLessThanOrEqual(after.getTime() + 1_000);
      const byKind = new Map(stored.notifications.map((n) => [n.kind, n]));
      expect(byKind.get('reminder')?.dueAt).toEqual(
        new Date(early!.startsAt.getTime() - REMINDER_LEAD_MS),
      );
      // The confirmation's due time moves if a send is retried; when it was written stays.
      expect(byKind.get('confirmation')?.createdAt.getTime()).toBeGreaterThanOrEqual(
        before.getTime() - 1_000,
      );
      expect(byKind.get('confirmation')?.createdAt.getTime()).toBeLessThanOrEqual(
        after.getTime() + 1_000,
      );
      expect(await listed(api, seva.id, day)).toEqual([
        expect.objectContaining({ id: early!.id, remaining: 4 }),
        expect.objectContaining({ id: late!.id, remaining: 3 }),
      ]);
      expect(await listed(api, seva.id, nextDay)).toEqual([
        { id: following!.id, startsAt: following!.startsAt.toISOString(), remaining: 4 },
      ]);

      const cancelled = await call(api, `/api/v1/bookings/${reference}/cancel`, {
        method: 'POST',
        headers: { 'x-booking-token': first.body.manageToken as string },
        body: JSON.stringify({}),
      });
      expect(cancelled.status).toBe(200);
      expect(cancelled.body.status).toBe('cancelled');
      expect((await db.slot.findUniqueOrThrow({ where: { id: early!.id } })).booked).toBe(0);
      expect(await listed(api, seva.id, day)).toContainEqual(
        expect.objectContaining({ id: early!.id, remaining: 5 }),
      );

      // Three confirmations and the cancellation, each dated in the temple's zone.
      await waitUntil(() => twilio.messagesTo(phone).length >= 4, 20_000, 'four messages');
      const bodies = twilio.messagesTo(phone).map((m) => m.body ?? '');
      const about = (ref: string) => bodies.filter((b) => b.includes(ref));
      expect(about(reference)).toHaveLength(2);
      for (const body of about(reference)) {
        expect(body).toContain(templeDateInWords(early!.startsAt));
      }
      const [followingMessage] = about(nextDayBooking.body.reference as string);
      expect(followingMessage).toContain(templeDateInWords(following!.startsAt));
    });
  });
}
