import { beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS, send, statusOf } from '../app.ts';
import { testDb } from '../db.ts';
import { createBooking, createSeva, createSlot } from '../factories.ts';
import { staffAppForSuite } from '../staff-factories.ts';

describe('GET /api/v1/admin/day-sheet', () => {
  const { app, staff } = staffAppForSuite();
  const db = testDb();
  let sevaId: number;
  const date = '2032-01-14';

  beforeAll(async () => {
    const seva = await createSeva(db, { feePaise: 25_000, nameKn: 'ರಥೋತ್ಸವ ಸೇವೆ', asksGotra: true });
    sevaId = seva.id;
    // 18:00 and 06:30 IST on the 14th, and 06:30 IST on the 15th (not on the sheet).
    const evening = await createSlot(db, { sevaId, startsAt: new Date('2032-01-14T12:30:00Z') });
    const morning = await createSlot(db, { sevaId, startsAt: new Date('2032-01-14T01:00:00Z') });
    const nextDay = await createSlot(db, { sevaId, startsAt: new Date('2032-01-15T01:00:00Z') });
    await createBooking(db, {
      slotId: morning.id,
      devoteeName: 'ಶ್ರೀನಿವಾಸ ರಾವ್',
      persons: 2,
      gotra: 'Kashyapa',
      // Each booking keeps the fee it was booked at: ₹250 a person.
      feePaise: 50_000,
    });
    const { booking: eveningBooking } = await createBooking(db, {
      slotId: evening.id,
      devoteeName: 'Evening Devotee',
      feePaise: 25_000,
    });
    // Its WhatsApp confirmation failed once and waits to be sent again.
    const retrying = { status: 'pending', attempts: 1, dueAt: new Date() } as const;
    const { count } = await db.notification.updateMany({
      where: { bookingId: eveningBooking.id, kind: 'confirmation' },
      data: retrying,
    });
    if (count === 0) {
      await db.notification.create({
        data: { bookingId: eveningBooking.id, kind: 'confirmation', eventSeq: 1, ...retrying },
      });
    }
    await createBooking(db, {
      slotId: evening.id,
      devoteeName: 'Cancelled Devotee',
      status: 'cancelled',
      feePaise: 25_000,
    });
    await createBooking(db, {
      slotId: nextDay.id,
      devoteeName: 'Tomorrow Devotee',
      feePaise: 25_000,
    });
  });

  const url = (extra = '') => `/api/v1/admin/day-sheet?date=${date}&sevaId=${sevaId}${extra}`;

  it('lists the day’s slots in time order with their confirmed bookings and totals, for every role', async () => {
    for (const role of ['admin', 'staff', 'viewer'] as const) {
      const res = await send(app, 'GET', url(), staff[role]);
      expect(res.statusCode).toBe(200);
      const sheet = res.json<{
        slots: { time: string; bookings: { devoteeName: string; gotra: string | null }[] }[];
        totals: { bookings: number; persons: number; feePaise: number };
      }>();
      expect(sheet.slots.map((s) => s.time)).toEqual(['06:30', '18:00']);
      expect(sheet.slots[0]!.bookings).toMatchObject([
        { devoteeName: 'ಶ್ರೀನಿವಾಸ ರಾವ್', gotra: 'Kashyapa' },
      ]);
      expect(sheet.slots[1]!.bookings.map((b) => b.devoteeName)).toEqual(['Evening Devotee']);
      expect(sheet.totals).toEqual({ bookings: 2, persons: 3, feePaise: 75_000 });
    }
  });

  it('includes cancelled bookings when asked', async () => {
    const res = await send(app, 'GET', url('&includeCancelled=true'), staff.staff);
    const sheet = res.json<{
      slots: { bookings: { status: string }[] }[];
      totals: { bookings: number };
    }>();
    expect(sheet.slots[1]!.bookings.map((b) => b.status)).toEqual(['confirmed', 'cancelled']);
    expect(sheet.totals.bookings).toBe(2);
  });

  it('gives each booking its confirmation’s status and tries, so a retrying one can be told', async () => {
    const res = await send(app, 'GET', url(), staff.viewer);
    const sheet = res.json<{
      slots: {
        bookings: {
          devoteeName: string;
          confirmationStatus: string | null;
          confirmationAttempts: number | null;
        }[];
      }[];
    }>();
    expect(sheet.slots[1]!.bookings).toMatchObject([
      { devoteeName: 'Evening Devotee', confirmationStatus: 'pending', confirmationAttempts: 1 },
    ]);
  });

  it('answers Accept: text/csv with a UTF-8 CSV that starts with a BOM', async () => {
    const res = await send(app, 'GET', url(), {
      headers: { ...staff.viewer.headers, accept: 'text/csv' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers['content-disposition']).toContain(`day-sheet-${date}.csv`);
    const raw = res.rawPayload;
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    // The test data holds no commas or quotes, so a plain split reads it.
    const [header, ...lines] = raw.subarray(3).toString('utf8').trim().split('\n');
    const columns = header!.split(',');
    const rows = lines.map((line) =>
      Object.fromEntries(line.split(',').map((cell, i) => [columns[i] ?? '', cell] as const)),
    );
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      Time: '06:30',
      'Seva (Kannada)': 'ರಥೋತ್ಸವ ಸೇವೆ',
      Devotee: 'ಶ್ರೀನಿವಾಸ ರಾವ್',
      Persons: '2',
      'Fee (₹)': '500.00',
    });
  });

  it('refuses a bad date (422) and an anonymous caller (401)', async () => {
    expect(await statusOf(app, 'GET', '/api/v1/admin/day-sheet?date=2032-02-30', staff.staff)).toBe(
      422,
    );
    expect(await statusOf(app, 'GET', '/api/v1/admin/day-sheet', staff.staff)).toBe(422);
    expect(await statusOf(app, 'GET', url(), ANONYMOUS)).toBe(401);
  });
});

describe('GET /api/v1/admin/reports/seva-summary', () => {
  const { app, staff } = staffAppForSuite();
  const db = testDb();

  it('counts slots, confirmed bookings, persons and fees per seva over a date range', async () => {
    const seva = await createSeva(db, { feePaise: 10_000 });
    const a = await createSlot(db, {
      sevaId: seva.id,
      startsAt: new Date('2033-05-01T01:00:00Z'),
    });
    const b = await createSlot(db, {
      sevaId: seva.id,
      startsAt: new Date('2033-05-02T01:00:00Z'),
    });
    await createBooking(db, { slotId: a.id, persons: 3 });
    await createBooking(db, { slotId: b.id, persons: 1 });
    await createBooking(db, { slotId: b.id, persons: 2, status: 'cancelled' });
    const report = '/api/v1/admin/reports/seva-summary';
    const res = await send(app, 'GET', `${report}?from=2033-05-01&to=2033-05-02`, staff.viewer);
    expect(res.statusCode).toBe(200);
    const item = res
      .json<{ items: { sevaId: number }[] }>()
      .items.find((i) => i.sevaId === seva.id);
    expect(item).toMatchObject({ slots: 2, bookings: 2, persons: 4, feePaise: 40_000 });
    expect(
      await statusOf(app, 'GET', `${report}?from=2033-05-02&to=2033-05-01`, staff.viewer),
    ).toBe(422);
  });
});
