import { maskPhoneForViewer } from '@sevabook/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { send, type Caller } from '../app.ts';
import { testDb } from '../db.ts';
import { createBooking, createSeva, createSlot, uniqueSuffix } from '../factories.ts';
import { createApiKey, staffAppForSuite } from '../staff-factories.ts';

describe('maskPhoneForViewer', () => {
  it('keeps the country code, the first two and the last three digits, in the usual grouping', () => {
    expect(maskPhoneForViewer('+919876543210')).toBe('+91 98••• ••210');
    expect(maskPhoneForViewer('+14155550123')).toBe('+1 41• ••• •123');
  });

  it('leaves what is not a phone number as it is', () => {
    expect(maskPhoneForViewer('anon-bcd')).toBe('anon-bcd');
  });
});

describe('devotees’ contact details in staff responses', () => {
  const { app, staff } = staffAppForSuite();
  const db = testDb();
  const phone = '+919876543210';
  const masked = '+91 98••• ••210';
  const email = 'sharada@example.org';
  const date = '2033-03-03';
  let bookingId: number;
  let reference: string;
  let viewerKey: Caller;
  let staffKey: Caller;

  beforeAll(async () => {
    const seva = await createSeva(db);
    const slot = await createSlot(db, { sevaId: seva.id, startsAt: new Date(`${date}T01:00:00Z`) });
    const { booking } = await createBooking(db, {
      slotId: slot.id,
      devoteeName: `Sharada ${uniqueSuffix()}`,
      phone,
      email,
    });
    bookingId = booking.id;
    reference = booking.reference;
    await db.notification.create({
      data: {
        bookingId,
        kind: 'confirmation',
        eventSeq: 1,
        status: 'failed',
        dueAt: new Date(),
        lastError: `The 'To' number whatsapp:${phone} is not a WhatsApp user`,
      },
    });
    const createdById = staff.admin.user.id;
    viewerKey = await createApiKey(db, { role: 'viewer', createdById });
    staffKey = await createApiKey(db, { role: 'staff', createdById });
  });

  const reads = () => ({
    list: `/api/v1/admin/bookings?q=${reference}`,
    one: `/api/v1/admin/bookings/${bookingId}`,
    sheet: `/api/v1/admin/day-sheet?date=${date}`,
    messages: `/api/v1/admin/notifications?reference=${reference}`,
  });

  async function everyRead(caller: Caller) {
    const urls = reads();
    const [list, one, sheet, csv, messages] = await Promise.all([
      send(app, 'GET', urls.list, caller),
      send(app, 'GET', urls.one, caller),
      send(app, 'GET', urls.sheet, caller),
      app.inject({ url: urls.sheet, headers: { ...caller.headers, accept: 'text/csv' } }),
      send(app, 'GET', urls.messages, caller),
    ]);
    const sheetRow = sheet
      .json<{ slots: { bookings: { id: number; phone: string }[] }[] }>()
      .slots.flatMap((s) => s.bookings)
      .find((b) => b.id === bookingId);
    return {
      list: list.json().items[0],
      one: one.json(),
      sheetRow,
      csv: csv.body,
      message: messages.json().items[0],
    };
  }

  it('shows viewers and viewer API keys the phone masked and no email, everywhere', async () => {
    for (const caller of [staff.viewer, viewerKey]) {
      const seen = await everyRead(caller);
      expect(seen.list).toMatchObject({ phone: masked, email: null });
      expect(seen.one).toMatchObject({ phone: masked, email: null });
      expect(seen.sheetRow).toMatchObject({ phone: masked });
      expect(seen.csv).toContain(masked);
      expect(seen.message.booking).toMatchObject({ phone: masked });
      expect(seen.message.lastError).toBe("The 'To' number whatsapp:••• is not a WhatsApp user");
      const everything = JSON.stringify(seen);
      expect(everything).not.toContain('9876543210');
      expect(everything).not.toContain(email);
    }
  });

  it('masks the number in the outbox’s last error for viewers, not for staff', async () => {
    const health = async (caller: Caller) =>
      (await send(app, 'GET', '/api/v1/admin/notifications/health', caller)).json<{
        lastError: { message: string } | null;
      }>().lastError?.message;
    await db.notification.updateMany({
      where: { bookingId },
      data: { updatedAt: new Date(Date.now() + 60_000) },
    });
    expect(await health(staff.viewer)).not.toMatch(/\d{7}/);
    expect(await health(staff.staff)).toContain(phone);
  });

  it('shows staff, admins and their API keys the phone and email whole', async () => {
    for (const caller of [staff.staff, staff.admin, staffKey]) {
      const seen = await everyRead(caller);
      expect(seen.list).toMatchObject({ phone, email });
      expect(seen.one).toMatchObject({ phone, email });
      expect(seen.sheetRow).toMatchObject({ phone });
      expect(seen.csv).toContain(phone);
      expect(seen.message.booking).toMatchObject({ phone });
      expect(seen.message.lastError).toContain(phone);
    }
  });
});
