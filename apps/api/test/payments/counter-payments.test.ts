import { describe, expect, it } from 'vitest';
import { financialYearOf } from '../../src/payments/receipts.ts';
import { send, type Caller } from '../app.ts';
import { testDb } from '../db.ts';
import { createBooking, createSeva, createSlot, uniquePhone } from '../factories.ts';
import { staffAppForSuite } from '../staff-factories.ts';

interface Recorded {
  id: number;
  bookingStatus: string;
  method: string;
  amountPaise: number;
  recordedBy: { id: number; name: string } | null;
  receipt: { number: string; financialYear: string };
}

describe('payments taken at the counter', () => {
  const { app, staff } = staffAppForSuite();
  const db = testDb();
  const fy = () => financialYearOf(new Date(), 'Asia/Kolkata');

  /** A confirmed booking of a ₹150-a-person seva for two persons: ₹300 owed. */
  async function paidSevaBooking(fields: Parameters<typeof createBooking>[1] | object = {}) {
    const seva = await createSeva(db, { feePaise: 15_000 });
    const slot = await createSlot(db, { sevaId: seva.id });
    const { booking } = await createBooking(db, {
      slotId: slot.id,
      persons: 2,
      feePaise: 30_000,
      source: 'counter',
      ...fields,
    });
    return { seva, slot, booking };
  }
  const pay = (caller: Caller, bookingId: number, body: object) =>
    send(app, 'POST', `/api/v1/admin/bookings/${bookingId}/payments`, caller, body);

  describe('POST /api/v1/admin/bookings/{id}/payments', () => {
    it('records cash for the booking’s fee, numbers its receipt and audits it', async () => {
      const { booking } = await paidSevaBooking();
      const res = await pay(staff.staff, booking.id, { method: 'cash' });
      expect(res.statusCode).toBe(201);
      const body = res.json<Recorded>();
      expect(body).toMatchObject({
        bookingStatus: 'confirmed',
        method: 'cash',
        amountPaise: 30_000,
        recordedBy: { id: staff.staff.user.id },
      });
      expect(body.receipt.number).toMatch(new RegExp(`^SB/${fy()}/\\d{6}$`));

      const payment = await db.payment.findUniqueOrThrow({
        where: { id: body.id },
        include: { receipt: true },
      });
      expect(payment).toMatchObject({
        bookingId: booking.id,
        method: 'cash',
        amountPaise: 30_000,
        status: 'captured',
        recordedByStaffId: staff.staff.user.id,
      });
      expect(body.receipt.number).toBe(
        `SB/${payment.receipt!.financialYear}/${String(payment.receipt!.number).padStart(6, '0')}`,
      );
      const audit = await db.auditEntry.findFirstOrThrow({
        where: { bookingId: booking.id, action: 'payment.recorded' },
      });
      expect(audit).toMatchObject({ actorType: 'staff', actorId: staff.staff.user.id });
    });

    it('gives later payments later receipt numbers, and takes an amount that is given', async () => {
      const first = await paidSevaBooking();
      const second = await paidSevaBooking();
      const a = (await pay(staff.staff, first.booking.id, { method: 'upi' })).json<Recorded>();
      const b = await pay(staff.admin, second.booking.id, { method: 'card', amountPaise: 25_000 });
      expect(b.statusCode).toBe(201);
      const receipts = await db.receipt.findMany({
        where: { paymentId: { in: [a.id, b.json<Recorded>().id] } },
        orderBy: { paymentId: 'asc' },
      });
      expect(receipts[1]!.number).toBeGreaterThan(receipts[0]!.number);
      expect(b.json<Recorded>()).toMatchObject({ method: 'card', amountPaise: 25_000 });
    });

    it('refuses to take a second payment: 409 already_paid, nothing recorded, no number used', async () => {
      const { booking } = await paidSevaBooking();
      expect((await pay(staff.staff, booking.id, { method: 'cash' })).statusCode).toBe(201);
      const before = await db.receipt.count({ where: { payment: { bookingId: booking.id } } });

      const again = await pay(staff.admin, booking.id, { method: 'upi' });
      expect(again.statusCode).toBe(409);
      expect(again.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(again.json()).toMatchObject({ code: 'already_paid' });
      expect(await db.payment.count({ where: { bookingId: booking.id } })).toBe(1);
      expect(await db.receipt.count({ where: { payment: { bookingId: booking.id } } })).toBe(
        before,
      );
    });

    it('takes one of two clerks pressing Paid at the same moment', async () => {
      const { booking } = await paidSevaBooking();
      const answers = await Promise.all([
        pay(staff.staff, booking.id, { method: 'cash' }),
        pay(staff.admin, booking.id, { method: 'cash' }),
      ]);
      expect(answers.map((r) => r.statusCode).sort()).toEqual([201, 409]);
      expect(await db.payment.count({ where: { bookingId: booking.id } })).toBe(1);
    });

    it('has nothing to take for a free booking: 409 nothing_to_pay', async () => {
      const { booking } = await paidSevaBooking({ feePaise: 0 });
      const res = await pay(staff.staff, booking.id, { method: 'cash' });
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({ code: 'nothing_to_pay' });
      expect(await db.payment.count({ where: { bookingId: booking.id } })).toBe(0);
    });

    it('takes nothing for a cancelled booking: 409 booking_not_payable', async () => {
      const { booking } = await paidSevaBooking({ status: 'cancelled', cancelledAt: new Date() });
      const res = await pay(staff.staff, booking.id, { method: 'cash' });
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({ code: 'booking_not_payable' });
      expect(await db.payment.count({ where: { bookingId: booking.id } })).toBe(0);
    });

    it('answers 404 for a booking that does not exist', async () => {
      const res = await pay(staff.staff, 999_999_999, { method: 'cash' });
      expect(res.statusCode).toBe(404);
    });

    it('confirms a booking held for an online payment, and queues its confirmation', async () => {
      const { booking, slot } = await paidSevaBooking({
        status: 'pending_payment',
        pays: 'online',
        holdExpiresAt: new Date(Date.now() + 600_000),
      });
      // A held booking's places count like a confirmed one's.
      await db.slot.update({ where: { id: slot.id }, data: { booked: 2 } });

      const res = await pay(staff.staff, booking.id, { method: 'cash' });
      expect(res.statusCode).toBe(201);
      expect(res.json<Recorded>().bookingStatus).toBe('confirmed');
      const row = await db.booking.findUniqueOrThrow({ where: { id: booking.id } });
      expect(row).toMatchObject({ status: 'confirmed', holdExpiresAt: null });
      expect(
        await db.notification.count({ where: { bookingId: booking.id, kind: 'confirmation' } }),
      ).toBe(1);
      // Its places were already counted; nothing is taken twice.
      expect((await db.slot.findUniqueOrThrow({ where: { id: slot.id } })).booked).toBe(2);
    });

    it('refuses a method other than cash, UPI or card (online is Razorpay’s)', async () => {
      const { booking } = await paidSevaBooking();
      const res = await pay(staff.staff, booking.id, { method: 'online' });
      expect(res.statusCode).toBe(422);
      expect(await db.payment.count({ where: { bookingId: booking.id } })).toBe(0);
    });

    it('does not let a viewer record money', async () => {
      const { booking } = await paidSevaBooking();
      expect((await pay(staff.viewer, booking.id, { method: 'cash' })).statusCode).toBe(403);
      expect(await db.payment.count({ where: { bookingId: booking.id } })).toBe(0);
    });
  });

  describe('POST /api/v1/admin/bookings with payment', () => {
    it('books and records the whole fee as paid at once, with its receipt', async () => {
      const seva = await createSeva(db, { feePaise: 10_100 });
      const slot = await createSlot(db, { sevaId: seva.id });
      const res = await send(app, 'POST', '/api/v1/admin/bookings', staff.staff, {
        slotId: slot.id,
        devoteeName: 'Shankar Bhat',
        phone: uniquePhone(),
        persons: 3,
        payment: { method: 'upi' },
      });
      expect(res.statusCode).toBe(201);
      const body = res.json<{
        id: number;
        feePaise: number;
        payment: { method: string; amountPaise: number; receiptNumber: string } | null;
      }>();
      expect(body.feePaise).toBe(30_300);
      expect(body.payment).toMatchObject({ method: 'upi', amountPaise: 30_300 });
      expect(body.payment!.receiptNumber).toMatch(new RegExp(`^SB/${fy()}/\\d{6}$`));
      const payment = await db.payment.findFirstOrThrow({ where: { bookingId: body.id } });
      expect(payment).toMatchObject({
        method: 'upi',
        amountPaise: 30_300,
        recordedByStaffId: staff.staff.user.id,
      });
    });

    it('shows the payment on the booking staff read back, and none on an unpaid one', async () => {
      const { booking } = await paidSevaBooking();
      const unpaid = await send(app, 'GET', `/api/v1/admin/bookings/${booking.id}`, staff.viewer);
      expect(unpaid.json()).toMatchObject({ pays: 'counter', payment: null, refund: null });
      await pay(staff.staff, booking.id, { method: 'card' });
      const paid = await send(app, 'GET', `/api/v1/admin/bookings/${booking.id}`, staff.viewer);
      expect(paid.json()).toMatchObject({
        payment: { method: 'card', amountPaise: 30_000, recordedBy: { id: staff.staff.user.id } },
      });
    });
  });
});
