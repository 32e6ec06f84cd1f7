import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { templeDateTimeToUtc } from '@sevabook/shared';
import { buildTestApp } from '../app.ts';
import { testDb } from '../db.ts';
import { createSeva, createSlot } from '../factories.ts';

let app: FastifyInstance;
const db = testDb();
const serverTz = process.env.TZ;

beforeAll(async () => {
  app = await buildTestApp();
});
afterAll(async () => {
  await app.close();
});
afterEach(() => {
  process.env.TZ = serverTz;
});

function ids(response: { json(): { items: { id: number }[] } }) {
  return response.json().items.map((s) => s.id);
}

describe('GET /api/v1/slots', () => {
  it.each(['UTC', 'America/Los_Angeles', 'Pacific/Kiritimati', 'Asia/Kolkata'])(
    'lists a 05:30 temple-time slot under its own date when the server runs in %s',
    async (zone) => {
      process.env.TZ = zone;
      const seva = await createSeva(db);
      const startsAt = templeDateTimeToUtc('2027-01-15', '05:30', 'Asia/Kolkata');
      const slot = await createSlot(db, { sevaId: seva.id, startsAt });
      const list = (from: string, to: string) =>
        app.inject({ url: `/api/v1/slots?from=${from}&to=${to}&sevaId=${seva.id}` });

      expect(startsAt.toISOString()).toBe('2027-01-15T00:00:00.000Z');
      expect(ids(await list('2027-01-15', '2027-01-15'))).toEqual([slot.id]);
      expect(ids(await list('2027-01-10', '2027-01-20'))).toEqual([slot.id]);
      expect(ids(await list('2027-01-14', '2027-01-14'))).toEqual([]);
      expect(ids(await list('2027-01-16', '2027-01-16'))).toEqual([]);
      const [item] = (await list('2027-01-15', '2027-01-15')).json().items;
      expect(item).toMatchObject({ date: '2027-01-15', time: '05:30' });
    },
  );

  it('gives places left and whether each slot can be booked now', async () => {
    const seva = await createSeva(db, { bookingOpensDaysAhead: 30 });
    const soon = new Date(Date.now() + 2 * 86_400_000);
    const full = await createSlot(db, { sevaId: seva.id, startsAt: soon, capacity: 2, booked: 2 });
    const open = await createSlot(db, {
      sevaId: seva.id,
      startsAt: new Date(soon.getTime() + 3_600_000),
      capacity: 5,
      booked: 1,
    });
    const closed = await createSlot(db, {
      sevaId: seva.id,
      startsAt: new Date(soon.getTime() + 7_200_000),
      status: 'closed',
    });
    const from = new Date(Date.now()).toISOString().slice(0, 10);
    const to = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10);

    const response = await app.inject({
      url: `/api/v1/slots?from=${from}&to=${to}&sevaId=${seva.id}`,
    });

    const byId = new Map(response.json().items.map((s: { id: number }) => [s.id, s]));
    expect(byId.get(full.id)).toMatchObject({
      remaining: 0,
      bookable: false,
      unbookableReason: 'full',
    });
    expect(byId.get(open.id)).toMatchObject({
      remaining: 4,
      bookable: true,
      unbookableReason: null,
    });
    expect(byId.get(closed.id)).toMatchObject({ bookable: false, unbookableReason: 'closed' });
  });

  it.each([
    ['a missing range', ''],
    ['a reversed range', '?from=2027-02-10&to=2027-02-01'],
    ['an impossible date', '?from=2027-02-31&to=2027-03-01'],
    ['a badly written date', '?from=10-02-2027&to=2027-03-01'],
    ['a range longer than 62 days', '?from=2027-01-01&to=2027-06-01'],
    ['an unknown parameter', '?from=2027-01-01&to=2027-01-02&limit=5'],
  ])('refuses %s with 422 validation_failed', async (_name, query) => {
    const response = await app.inject({ url: `/api/v1/slots${query}` });
    expect(response.statusCode).toBe(422);
    expect(response.json().code).toBe('validation_failed');
  });
});

describe('GET /api/v1/slots/{id}', () => {
  it('shows one slot, and 404 for an unknown one', async () => {
    const slot = await createSlot(db, { capacity: 7 });
    const found = await app.inject({ url: `/api/v1/slots/${slot.id}` });
    expect(found.json()).toMatchObject({ id: slot.id, capacity: 7, remaining: 7 });
    const missing = await app.inject({ url: '/api/v1/slots/999999999' });
    expect([missing.statusCode, missing.json().code]).toEqual([404, 'not_found']);
  });

  it('shares a read among the requests that arrive while it runs, and never answers from an older one', async () => {
    const slot = await createSlot(db, { capacity: 7 });
    const reads = vi.spyOn(db.slot, 'findUnique');
    try {
      const page = () => app.inject({ url: `/api/v1/slots/${slot.id}` });
      const burst = await Promise.all(Array.from({ length: 20 }, page));
      expect(burst.map((r) => r.json().remaining)).toEqual(Array(20).fill(7));
      // The first request's read, and one more shared by the 19 that asked while it ran.
      expect(reads).toHaveBeenCalledTimes(2);

      await db.slot.update({ where: { id: slot.id }, data: { booked: 3 } });
      expect((await page()).json()).toMatchObject({ booked: 3, remaining: 4 });
    } finally {
      reads.mockRestore();
    }
  });
});

describe('GET /api/v1/sevas', () => {
  it('lists active sevas with their next open dates, and hides inactive ones', async () => {
    const seva = await createSeva(db, { feePaise: 25000 });
    const hidden = await createSeva(db, { active: false });
    await createSlot(db, { sevaId: seva.id, startsAt: new Date(Date.now() + 2 * 86_400_000) });

    const list = (await app.inject({ url: '/api/v1/sevas' })).json();
    const mine = list.items.find((s: { id: number }) => s.id === seva.id);
    expect(mine).toMatchObject({ feePaise: 25000, name: { en: seva.nameEn, kn: seva.nameKn } });
    expect(mine.nextOpenDates).toHaveLength(1);
    expect(list.items.some((s: { id: number }) => s.id === hidden.id)).toBe(false);

    const one = await app.inject({ url: `/api/v1/sevas/${hidden.id}` });
    expect(one.statusCode).toBe(404);
  });
});
