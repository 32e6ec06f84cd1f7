import { describe, expect, it } from 'vitest';
import { send } from '../app.ts';
import { testDb } from '../db.ts';
import { newSevaBody } from '../factories.ts';
import { staffAppForSuite } from '../staff-factories.ts';

/** What a seva asks of the devotee on the day: when to arrive, what to bring or wear. */
describe('a seva’s arrival time and what to bring', () => {
  const { app, staff } = staffAppForSuite();
  const db = testDb();

  it('an admin sets them in both languages; devotees read them with the seva', async () => {
    const res = await send(
      app,
      'POST',
      '/api/v1/admin/sevas',
      staff.admin,
      newSevaBody({
        arriveMinutesBefore: 20,
        bringNote: { en: 'Bring the vehicle’s keys.', kn: 'ವಾಹನದ ಕೀಲಿ ತನ್ನಿ.' },
      }),
    );
    expect(res.statusCode).toBe(201);
    const { id } = res.json<{ id: number }>();
    expect(await db.seva.findUniqueOrThrow({ where: { id } })).toMatchObject({
      arriveMinutesBefore: 20,
      bringNoteEn: 'Bring the vehicle’s keys.',
      bringNoteKn: 'ವಾಹನದ ಕೀಲಿ ತನ್ನಿ.',
    });
    const seva = await app.inject({ url: `/api/v1/sevas/${id}` });
    expect(seva.json()).toMatchObject({
      arriveMinutesBefore: 20,
      bringNote: { en: 'Bring the vehicle’s keys.', kn: 'ವಾಹನದ ಕೀಲಿ ತನ್ನಿ.' },
    });

    const cleared = await send(app, 'PATCH', `/api/v1/admin/sevas/${id}`, staff.admin, {
      bringNote: null,
    });
    expect(cleared.statusCode).toBe(200);
    expect(await db.seva.findUniqueOrThrow({ where: { id } })).toMatchObject({
      arriveMinutesBefore: 20,
      bringNoteEn: null,
      bringNoteKn: null,
    });
  });

  it('a new seva asks nothing particular unless told', async () => {
    const res = await send(app, 'POST', '/api/v1/admin/sevas', staff.admin, newSevaBody());
    expect(res.json()).toMatchObject({ arriveMinutesBefore: 0, bringNote: null });
  });

  it('refuses a note in one language only, and changes nothing', async () => {
    const before = await db.seva.count();
    const res = await send(
      app,
      'POST',
      '/api/v1/admin/sevas',
      staff.admin,
      newSevaBody({ bringNote: { en: 'Traditional dress.' } }),
    );
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'validation_failed' });
    expect(await db.seva.count()).toBe(before);
  });
});
