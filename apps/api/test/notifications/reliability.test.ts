import { describe, expect, it } from 'vitest';
import { claimDue } from '../../src/notifications/outbox-store.ts';
import { retryNotification } from '../../src/notifications/staff-notifications.ts';
import type { NotificationStatus } from '../../src/generated/prisma/client.ts';
import { book, eventually, harnessForSuite, rowsOf } from './notifier-harness.ts';

const h = harnessForSuite();

async function bookMany(n: number) {
  const bookings = [];
  for (let i = 0; i < n; i++) bookings.push(await book(h.database));
  return bookings;
}

function confirmations(bookingIds: number[]) {
  return h.db.notification.findMany({
    where: { bookingId: { in: bookingIds }, kind: 'confirmation' },
    orderBy: { id: 'asc' },
  });
}

/** The booking's confirmation row, once it has come to `status`. */
async function confirmationOnce(bookingId: number, status: NotificationStatus) {
  const [row] = await eventually(async () => {
    const rows = await confirmations([bookingId]);
    expect(rows[0]!.status).toBe(status);
    return rows;
  });
  return row!;
}

/** Each of these phones received exactly one message. */
function expectOneMessageEach(phones: string[]) {
  expect(phones.map((p) => h.fake.messagesTo(p).length)).toEqual(phones.map(() => 1));
}

// Generous: on a loaded CI machine, making the bookings alone can take seconds.
describe('the notifier under failure', { timeout: 60_000 }, () => {
  it('never hands one row to two claimers at the same time', async () => {
    const bookings = await bookMany(20);
    const now = new Date();
    const claims = await Promise.all(
      ['a', 'b', 'c', 'd'].map((w) =>
        claimDue(h.db, { workerId: `claimer-${w}`, limit: 8, leaseMs: 60_000, now }),
      ),
    );
    const ids = claims.flat().map((j) => j.id);
    expect(new Set(ids).size).toBe(ids.length);
    const mine = await confirmations(bookings.map((b) => b.id));
    // Every row claimed once, and marked as its claimer's.
    expect(mine.filter((r) => r.status === 'sending')).toHaveLength(Math.min(20, ids.length));
    // Hand them back for the next tests.
    await h.db.notification.updateMany({
      where: { id: { in: ids } },
      data: { status: 'pending', leaseUntil: null, claimedBy: null, attempts: 0 },
    });
  });

  it('two notifiers sending at once never send the same message', async () => {
    const bookings = await bookMany(40);
    h.fake.latencyMs = 15;
    const a = h.notifier({ ratePerSec: 50 }, { workerId: 'worker-a' });
    const b = h.notifier({ ratePerSec: 50 }, { workerId: 'worker-b' });
    a.start();
    b.start();
    await eventually(async () => {
      const rows = await confirmations(bookings.map((x) => x.id));
      expect(rows.every((r) => r.status === 'sent')).toBe(true);
    });
    await Promise.all([a.stop(), b.stop()]);
    h.fake.latencyMs = 0;
    expectOneMessageEach(bookings.map((x) => x.phone));
  });

  it('delivers everything once Twilio is back after an outage, each message once', async () => {
    h.fake.goDown({ status: 503, code: 20500, message: 'Service unavailable' });
    const bookings = await bookMany(10);
    const phones = new Set(bookings.map((x) => `whatsapp:${x.phone}`));
    const notifier = h.notifier();
    notifier.start();
    // Several refused rounds while Twilio is down …
    await eventually(() => {
      expect(
        h.fake.attempts.filter((a) => phones.has(a.to) && a.outcome === 'refused').length,
      ).toBeGreaterThanOrEqual(30);
    });
    const during = await confirmations(bookings.map((x) => x.id));
    expect(during.every((r) => r.status === 'pending' || r.status === 'sending')).toBe(true);
    expect(during.some((r) => r.lastErrorCode === '20500')).toBe(true);
    // … then it recovers.
    h.fake.recover();
    const rows = await eventually(async () => {
      const all = await confirmations(bookings.map((x) => x.id));
      expect(all.every((r) => r.status === 'sent')).toBe(true);
      return all;
    });
    await notifier.stop();
    expectOneMessageEach(bookings.map((x) => x.phone));
    expect(rows.every((r) => r.attempts > 1)).toBe(true);
  });

  it('marks a message failed with the reason on 63016 (outside the 24-hour window), without retrying', async () => {
    const booking = await book(h.database);
    h.fake.failFor(booking.phone, {
      status: 400,
      code: 63016,
      message: 'Failed to send freeform message because you are outside the allowed window.',
    });
    const notifier = h.notifier();
    notifier.start();
    const row = await confirmationOnce(booking.id, 'failed');
    await new Promise((resolve) => setTimeout(resolve, 200));
    await notifier.stop();
    expect(row).toMatchObject({
      status: 'failed',
      attempts: 1,
      lastErrorCode: '63016',
      providerSid: null,
    });
    expect(row.lastError).toMatch(/24-hour WhatsApp window/);
    expect(h.fake.attemptsTo(booking.phone)).toHaveLength(1);
  });

  it('honours Retry-After on 429 and does not count it as an attempt', async () => {
    const booking = await book(h.database);
    h.fake.next({
      kind: 'fail',
      failure: { status: 429, code: 20429, message: 'Too Many Requests', retryAfter: 1 },
    });
    const notifier = h.notifier();
    notifier.start();
    const row = await confirmationOnce(booking.id, 'sent');
    await notifier.stop();
    const tries = h.fake.attemptsTo(booking.phone);
    expect(tries.map((t) => t.outcome)).toEqual(['refused', 'accepted']);
    // The second try waited for the second Twilio asked for (the backoff alone would be ~50 ms).
    expect(tries[1]!.at - tries[0]!.at).toBeGreaterThanOrEqual(950);
    expect(row.attempts).toBe(1);
  });

  it('after a timeout once Twilio had the message, looks it up and records it instead of sending again', async () => {
    const booking = await book(h.database);
    h.fake.next({ kind: 'accept-and-hang' });
    const lookupsBefore = h.fake.lookups;
    const notifier = h.notifier();
    notifier.start();
    const row = await confirmationOnce(booking.id, 'sent');
    await notifier.stop();
    const sent = h.fake.messagesTo(booking.phone);
    expect(sent).toHaveLength(1);
    expect(row.providerSid).toBe(sent[0]!.sid);
    expect(h.fake.lookups).toBeGreaterThan(lookupsBefore);
  });

  it('after a timeout when Twilio never got the message, looks it up, finds nothing and sends it once', async () => {
    const booking = await book(h.database);
    h.fake.next({ kind: 'hang' });
    const notifier = h.notifier();
    notifier.start();
    const row = await confirmationOnce(booking.id, 'sent');
    await notifier.stop();
    expect(h.fake.messagesTo(booking.phone)).toHaveLength(1);
    expect(h.fake.attemptsTo(booking.phone).map((a) => a.outcome)).toEqual(['hung', 'accepted']);
    expect(row.attempts).toBe(2);
  });

  it('gives up after the configured attempts (dead), and staff can send it again', async () => {
    const booking = await book(h.database);
    h.fake.failFor(booking.phone, { status: 500, code: 20500, message: 'Internal error' });
    const notifier = h.notifier({ maxAttempts: 3 });
    notifier.start();
    const dead = await confirmationOnce(booking.id, 'dead');
    expect(dead).toMatchObject({ attempts: 3, lastErrorCode: '20500' });
    expect(dead.lastError).toMatch(/Gave up after 3 attempts/);
    expect(h.fake.attemptsTo(booking.phone)).toHaveLength(3);

    h.fake.stopFailingFor(booking.phone);
    await retryNotification(h.db, dead.id);
    await eventually(async () => {
      const rows = await rowsOf(h.db, [booking.id]);
      expect(rows.find((r) => r.kind === 'confirmation')!.status).toBe('sent');
    });
    await notifier.stop();
    expect(h.fake.messagesTo(booking.phone)).toHaveLength(1);
  });
});
