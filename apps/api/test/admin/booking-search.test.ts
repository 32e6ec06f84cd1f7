import { describe, expect, it } from 'vitest';
import { send } from '../app.ts';
import { testDb } from '../db.ts';
import { createBooking, createSeva, createSlot } from '../factories.ts';
import { staffAppForSuite } from '../staff-factories.ts';

/**
 * Staff search a name by what they type. `%`, `_` and `\` are LIKE's own wildcards and escape:
 * typed into the search box they are looked for as themselves, never as patterns.
 */
describe('GET /api/v1/admin/bookings?q= (a name)', () => {
  const { app, staff } = staffAppForSuite();
  const db = testDb();

  async function namesFound(sevaId: number, q: string): Promise<string[]> {
    const res = await send(
      app,
      'GET',
      `/api/v1/admin/bookings?sevaId=${sevaId}&q=${encodeURIComponent(q)}`,
      staff.staff,
    );
    expect(res.statusCode).toBe(200);
    return res
      .json<{ items: { devoteeName: string }[] }>()
      .items.map((b) => b.devoteeName)
      .sort();
  }

  async function sevaWithNames(names: string[]): Promise<number> {
    const seva = await createSeva(db);
    const slot = await createSlot(db, { sevaId: seva.id, capacity: names.length });
    for (const devoteeName of names) await createBooking(db, { slotId: slot.id, devoteeName });
    return seva.id;
  }

  it('finds “50%” only where the name holds 50%', async () => {
    const sevaId = await sevaWithNames(['Trust 50% Rao', 'Trust 500 Rao', 'Trust 5 Rao']);
    expect(await namesFound(sevaId, '50%')).toEqual(['Trust 50% Rao']);
  });

  it('finds “a_b” only where the name holds a_b', async () => {
    const sevaId = await sevaWithNames(['Rao a_b', 'Rao axb']);
    expect(await namesFound(sevaId, 'a_b')).toEqual(['Rao a_b']);
  });

  it('finds a backslash as itself', async () => {
    const sevaId = await sevaWithNames(['Rao a\\b', 'Rao ab', 'Rao a%b']);
    expect(await namesFound(sevaId, 'a\\b')).toEqual(['Rao a\\b']);
    expect(await namesFound(sevaId, 'a\\%b')).toEqual([]);
  });

  it('still finds a name by any part of it', async () => {
    const sevaId = await sevaWithNames(['Lakshmi Narayana Rao', 'Srinivasa Bhat']);
    expect(await namesFound(sevaId, 'narayana')).toEqual(['Lakshmi Narayana Rao']);
  });
});
