import { templeDateOf } from '@sevabook/shared';
import { describe, expect, it } from 'vitest';
import { createDb } from '../../src/db/client.ts';
import { materialiseSlots } from '../../src/slots/materialise.ts';
import { createScratchDatabase, testDb } from '../db.ts';
import { createClosedDate, createSchedule, createSeva } from '../factories.ts';

const db = testDb();
const IST = 'Asia/Kolkata';
// 2031-03-03 is a Monday.
const MONDAY = '2031-03-03';

async function startsOf(sevaId: number): Promise<string[]> {
  const slots = await db.slot.findMany({ where: { sevaId }, orderBy: { startsAt: 'asc' } });
  return slots.map((s) => s.startsAt.toISOString());
}

/** A seva with one schedule; materialise is always called for this seva alone (shared database). */
async function sevaWithSchedule(schedule: Partial<Parameters<typeof createSchedule>[1]> = {}) {
  const seva = await createSeva(db, { defaultCapacity: 12 });
  await createSchedule(db, { sevaId: seva.id, validFrom: '2031-01-01', ...schedule });
  return seva;
}

describe('materialiseSlots', () => {
  it('puts a 05:30 temple-time slot in Asia/Kolkata at 00:00 UTC of the same date', async () => {
    const seva = await sevaWithSchedule({ times: '05:30' });

    const created = await materialiseSlots(db, {
      timeZone: IST,
      horizonDays: 1,
      today: MONDAY,
      sevaId: seva.id,
    });

    expect(created).toBe(1);
    expect(await startsOf(seva.id)).toEqual(['2031-03-03T00:00:00.000Z']);
  });

  it("makes slots on the schedule's weekdays only, at each of its times", async () => {
    const seva = await sevaWithSchedule({ weekdays: '1,3,5', times: '18:00,06:30' });

    await materialiseSlots(db, { timeZone: IST, horizonDays: 14, today: MONDAY, sevaId: seva.id });

    // Mon 3, Wed 5, Fri 7, Mon 10, Wed 12, Fri 14 March; 06:30 IST = 01:00 UTC, 18:00 IST = 12:30 UTC.
    expect(await startsOf(seva.id)).toEqual(
      ['03', '05', '07', '10', '12', '14'].flatMap((day) => [
        `2031-03-${day}T01:00:00.000Z`,
        `2031-03-${day}T12:30:00.000Z`,
      ]),
    );
  });

  it("gives each slot the schedule's capacity, or the seva's default when the schedule has none", async () => {
    const seva = await sevaWithSchedule({ times: '06:30' });
    await createSchedule(db, {
      sevaId: seva.id,
      validFrom: '2031-01-01',
      times: '09:00',
      capacity: 7,
    });

    await materialiseSlots(db, { timeZone: IST, horizonDays: 1, today: MONDAY, sevaId: seva.id });

    const slots = await db.slot.findMany({
      where: { sevaId: seva.id },
      orderBy: { startsAt: 'asc' },
    });
    expect(slots.map((s) => [s.startsAt.toISOString(), s.capacity, s.booked, s.status])).toEqual([
      ['2031-03-03T01:00:00.000Z', 12, 0, 'open'],
      ['2031-03-03T03:30:00.000Z', 7, 0, 'open'],
    ]);
  });

  it('makes nothing before valid_from or after valid_until, both days included', async () => {
    const seva = await sevaWithSchedule({
      times: '05:30',
      validFrom: '2031-03-05',
      validUntil: '2031-03-07',
    });

    await materialiseSlots(db, { timeZone: IST, horizonDays: 10, today: MONDAY, sevaId: seva.id });

    expect(await startsOf(seva.id)).toEqual([
      '2031-03-05T00:00:00.000Z',
      '2031-03-06T00:00:00.000Z',
      '2031-03-07T00:00:00.000Z',
    ]);
  });

  it('makes nothing beyond the horizon', async () => {
    const seva = await sevaWithSchedule({ times: '05:30' });

    expect(
      await materialiseSlots(db, { timeZone: IST, horizonDays: 3, today: MONDAY, sevaId: seva.id }),
    ).toBe(3);
    expect((await startsOf(seva.id)).at(-1)).toBe('2031-03-05T00:00:00.000Z');
  });

  it("skips the seva's own closed dates but not another seva's", async () => {
    const seva = await sevaWithSchedule({ times: '05:30' });
    const other = await createSeva(db);
    await createClosedDate(db, { sevaId: seva.id, date: '2031-03-04', reason: 'Priest away' });
    await createClosedDate(db, { sevaId: other.id, date: '2031-03-05' });

    await materialiseSlots(db, { timeZone: IST, horizonDays: 3, today: MONDAY, sevaId: seva.id });

    expect(await startsOf(seva.id)).toEqual([
      '2031-03-03T00:00:00.000Z',
      '2031-03-05T00:00:00.000Z',
    ]);
  });

  it('creates nothing the second time, and leaves slots that staff changed as they are', async () => {
    const seva = await sevaWithSchedule({ times: '06:30,18:00' });
    const options = { timeZone: IST, horizonDays: 7, today: MONDAY, sevaId: seva.id };
    expect(await materialiseSlots(db, options)).toBe(14);
    const first = await db.slot.findFirstOrThrow({
      where: { sevaId: seva.id },
      orderBy: { startsAt: 'asc' },
    });
    await db.slot.update({ where: { id: first.id }, data: { capacity: 30, status: 'closed' } });

    expect(await materialiseSlots(db, options)).toBe(0);

    expect(await db.slot.count({ where: { sevaId: seva.id } })).toBe(14);
    expect(await db.slot.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({
      capacity: 30,
      status: 'closed',
    });
  });

  it('makes one slot when two schedules of a seva start at the same time', async () => {
    const seva = await sevaWithSchedule({ weekdays: '1,2', times: '06:30' });
    await createSchedule(db, {
      sevaId: seva.id,
      validFrom: '2031-01-01',
      weekdays: '1',
      times: '06:30,07:30',
    });

    expect(
      await materialiseSlots(db, { timeZone: IST, horizonDays: 2, today: MONDAY, sevaId: seva.id }),
    ).toBe(3);
  });

  it('ignores inactive schedules and inactive sevas', async () => {
    const seva = await sevaWithSchedule({ times: '06:30', active: false });
    const inactive = await createSeva(db, { active: false });
    await createSchedule(db, { sevaId: inactive.id, validFrom: '2031-01-01' });

    for (const sevaId of [seva.id, inactive.id]) {
      expect(
        await materialiseSlots(db, { timeZone: IST, horizonDays: 7, today: MONDAY, sevaId }),
      ).toBe(0);
    }
    expect(await db.slot.count({ where: { sevaId: { in: [seva.id, inactive.id] } } })).toBe(0);
  });

  it("follows the temple's own zone across a daylight-saving change", async () => {
    const seva = await sevaWithSchedule({ times: '06:30' });

    // New York moves its clocks forward on Sunday 9 March 2031.
    await materialiseSlots(db, {
      timeZone: 'America/New_York',
      horizonDays: 3,
      today: '2031-03-08',
      sevaId: seva.id,
    });

    expect(await startsOf(seva.id)).toEqual([
      '2031-03-08T11:30:00.000Z',
      '2031-03-09T10:30:00.000Z',
      '2031-03-10T10:30:00.000Z',
    ]);
  });

  it("starts from today's date in the temple's zone when no date is given", async () => {
    const seva = await sevaWithSchedule({ times: '00:00', validFrom: '2020-01-01' });
    const before = templeDateOf(new Date(), IST);

    await materialiseSlots(db, { timeZone: IST, horizonDays: 1, sevaId: seva.id });

    const slots = await db.slot.findMany({ where: { sevaId: seva.id } });
    expect(slots).toHaveLength(1);
    expect([before, templeDateOf(new Date(), IST)]).toContain(
      templeDateOf(slots[0]!.startsAt, IST),
    );
  });

  it("skips the whole temple's closed dates for every seva, when making every seva's slots", async () => {
    // Its own database: a temple-wide closed date would reach into other tests' sevas.
    const scratch = await createScratchDatabase();
    const own = createDb(scratch.url, 2);
    try {
      const [a, b] = [await createSeva(own), await createSeva(own)];
      for (const seva of [a, b])
        await createSchedule(own, { sevaId: seva.id, validFrom: '2031-01-01', times: '05:30' });
      await createClosedDate(own, { sevaId: null, date: '2031-03-04', reason: 'Festival' });

      expect(await materialiseSlots(own, { timeZone: IST, horizonDays: 3, today: MONDAY })).toBe(4);

      const slots = await own.slot.findMany({ orderBy: [{ sevaId: 'asc' }, { startsAt: 'asc' }] });
      expect(slots.map((s) => [s.sevaId, s.startsAt.toISOString()])).toEqual([
        [a.id, '2031-03-03T00:00:00.000Z'],
        [a.id, '2031-03-05T00:00:00.000Z'],
        [b.id, '2031-03-03T00:00:00.000Z'],
        [b.id, '2031-03-05T00:00:00.000Z'],
      ]);
    } finally {
      await own.$disconnect();
      await scratch.drop();
    }
  });
});
