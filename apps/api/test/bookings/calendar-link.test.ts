import { describe, expect, it } from 'vitest';
import { appForSuite } from '../app.ts';
import { testDb } from '../db.ts';
import { createSeva, createSlot, uniquePhone } from '../factories.ts';

const app = appForSuite();

/** ICS folds lines at 75 octets; unfolded, a link reads as one piece again. */
const unfold = (ics: string) => ics.replace(/\r?\n[ \t]/g, '');

describe('GET /api/v1/bookings/{reference}.ics', () => {
  it('links to the seva’s public page, never to a link that can cancel the booking', async () => {
    const seva = await createSeva(testDb());
    const slot = await createSlot(testDb(), { sevaId: seva.id });
    const made = await app.inject({
      method: 'POST',
      url: '/api/v1/bookings',
      payload: {
        slotId: slot.id,
        devoteeName: 'Family Calendar',
        phone: uniquePhone(),
        persons: 2,
        language: 'kn',
      },
    });
    const { reference, manageToken } = made.json<{ reference: string; manageToken: string }>();

    const response = await app.inject({
      url: `/api/v1/bookings/${reference}.ics`,
      headers: { 'x-booking-token': manageToken },
    });
    expect(response.statusCode).toBe(200);
    const ics = unfold(response.body);
    expect(ics).toContain(reference);
    // In the booking's language, as the manage link opens the site.
    expect(ics).toContain(`URL:http://localhost:3000/sevas/${seva.id}?lang=kn`);
    expect(ics).not.toContain(manageToken);
    expect(ics).not.toContain('/manage/');
    expect(ics).not.toContain('token=');
  });
});
