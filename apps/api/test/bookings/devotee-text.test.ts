import { devoteeTextMessages } from '@sevabook/shared';
import { describe, expect, it } from 'vitest';
import { ANONYMOUS, send } from '../app.ts';
import { testDb } from '../db.ts';
import { createBooking, createSeva, createSlot, uniquePhone } from '../factories.ts';
import { staffAppForSuite } from '../staff-factories.ts';

/**
 * What a devotee types travels into WhatsApp messages, the day sheet and staff screens: every
 * way in refuses what could add a line or a link there, and keeps names in any script.
 */
describe('names, gotra and reasons as typed', () => {
  const { app, staff } = staffAppForSuite();
  const db = testDb();

  const hostile: [string, string][] = [
    ['a line break', 'Lakshmi\nVisit our offer'],
    ['a carriage return', 'Lakshmi\rRao'],
    ['a control character', 'Lakshmi\u0007Rao'],
    ['a lone surrogate', 'Lakshmi \ud83dRao'],
    ['a URL', 'https://evil.example/pay'],
    ['a bare domain', 'Lakshmi pay.example'],
  ];

  describe('POST /api/v1/bookings', () => {
    it('books a Kannada name with its gotra, stored as typed', async () => {
      const seva = await createSeva(db, { asksGotra: true });
      const slot = await createSlot(db, { sevaId: seva.id });
      const res = await send(app, 'POST', '/api/v1/bookings', ANONYMOUS, {
        slotId: slot.id,
        devoteeName: 'ಕೆ. ಎಸ್. ಲಕ್ಷ್ಮೀ',
        gotra: 'ಕಾಶ್ಯಪ',
        phone: uniquePhone(),
        persons: 1,
        language: 'kn',
      });
      expect(res.statusCode).toBe(201);
      const row = await db.booking.findUniqueOrThrow({
        where: { reference: res.json().reference },
      });
      expect(row).toMatchObject({ devoteeName: 'ಕೆ. ಎಸ್. ಲಕ್ಷ್ಮೀ', gotra: 'ಕಾಶ್ಯಪ' });
    });

    it.each(hostile)(
      'refuses a name with %s: 422 naming the field, nothing booked',
      async (_, name) => {
        const slot = await createSlot(db);
        const phone = uniquePhone();
        const res = await send(app, 'POST', '/api/v1/bookings', ANONYMOUS, {
          slotId: slot.id,
          devoteeName: name,
          phone,
          persons: 1,
        });
        expect(res.statusCode).toBe(422);
        expect(res.headers['content-type']).toContain('application/problem+json');
        const problem = res.json();
        expect(problem.code).toBe('validation_failed');
        expect(problem.errors).toEqual([
          { path: 'body.devoteeName', message: expect.stringMatching(/letters|link|dot/) },
        ]);
        expect(await db.booking.count({ where: { phone } })).toBe(0);
        expect((await db.slot.findUniqueOrThrow({ where: { id: slot.id } })).booked).toBe(0);
      },
    );

    it('refuses a gotra that would add a line to the message', async () => {
      const seva = await createSeva(db, { asksGotra: true });
      const slot = await createSlot(db, { sevaId: seva.id });
      const res = await send(app, 'POST', '/api/v1/bookings', ANONYMOUS, {
        slotId: slot.id,
        devoteeName: 'Lakshmi Rao',
        gotra: 'Kashyapa\nCall 9999999999',
        phone: uniquePhone(),
        persons: 1,
      });
      expect(res.statusCode).toBe(422);
      expect(res.json().errors).toEqual([
        { path: 'body.gotra', message: devoteeTextMessages.nameCharacters },
      ]);
    });
  });

  describe('POST /api/v1/bookings/{reference}/cancel', () => {
    it('refuses a reason with a link, and the booking stays confirmed', async () => {
      const slot = await createSlot(db);
      const { booking, manageToken } = await createBooking(db, { slotId: slot.id });
      const res = await send(
        app,
        'POST',
        `/api/v1/bookings/${booking.reference}/cancel`,
        { headers: { 'x-booking-token': manageToken } },
        { reason: 'Rebooked at www.other-temple.example' },
      );
      expect(res.statusCode).toBe(422);
      expect(res.json().errors).toEqual([
        { path: 'body.reason', message: devoteeTextMessages.link },
      ]);
      const row = await db.booking.findUniqueOrThrow({ where: { id: booking.id } });
      expect(row.status).toBe('confirmed');
    });
  });

  describe('POST /api/v1/admin/bookings (the counter)', () => {
    it.each(hostile)('refuses a name with %s', async (_, name) => {
      const slot = await createSlot(db);
      const res = await send(app, 'POST', '/api/v1/admin/bookings', staff.staff, {
        slotId: slot.id,
        devoteeName: name,
        phone: uniquePhone(),
        persons: 1,
      });
      expect(res.statusCode).toBe(422);
      expect(res.json().errors[0].path).toBe('body.devoteeName');
      expect(await db.booking.count({ where: { slotId: slot.id } })).toBe(0);
    });
  });

  describe('PATCH /api/v1/admin/bookings/{id}', () => {
    it('refuses an edited name with a line break and keeps the old one', async () => {
      const slot = await createSlot(db);
      const { booking } = await createBooking(db, { slotId: slot.id, devoteeName: 'Lakshmi Rao' });
      const res = await send(app, 'PATCH', `/api/v1/admin/bookings/${booking.id}`, staff.staff, {
        devoteeName: 'Lakshmi\nRao',
      });
      expect(res.statusCode).toBe(422);
      expect(res.json().errors).toEqual([
        { path: 'body.devoteeName', message: devoteeTextMessages.nameCharacters },
      ]);
      const row = await db.booking.findUniqueOrThrow({ where: { id: booking.id } });
      expect(row.devoteeName).toBe('Lakshmi Rao');
    });

    it('accepts a name in Devanagari with an accented Latin surname', async () => {
      const slot = await createSlot(db);
      const { booking } = await createBooking(db, { slotId: slot.id });
      const res = await send(app, 'PATCH', `/api/v1/admin/bookings/${booking.id}`, staff.staff, {
        devoteeName: 'लक्ष्मी Müller-D’Souza',
      });
      expect(res.statusCode).toBe(200);
      const row = await db.booking.findUniqueOrThrow({ where: { id: booking.id } });
      expect(row.devoteeName).toBe('लक्ष्मी Müller-D’Souza');
    });
  });
});
