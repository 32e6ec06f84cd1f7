import { describe, expect, it } from 'vitest';
import { cancelBooking } from '../../src/bookings/cancel-booking.ts';
import { ManageTokens } from '../../src/bookings/manage-token.ts';
import { renderMessage, type RenderContext } from '../../src/notifications/render-message.ts';
import { fullRefundDue } from '../../src/payments/refund-policy.ts';
import { send } from '../app.ts';
import { testDatabase, testDb } from '../db.ts';
import { createBooking, createSeva, createSlot } from '../factories.ts';
import { staffAppForSuite } from '../staff-factories.ts';

const HOUR = 3_600_000;

describe('the refund policy when a paid booking is cancelled', () => {
  const { app, staff } = staffAppForSuite();
  const db = testDb();

  /** A booking of ₹250 paid `how`, for a seva refunding in full until 24 hours before. */
  async function paidBooking(
    how: 'cash' | 'upi' | 'online',
    startsAt = new Date(Date.now() + 72 * HOUR),
  ) {
    const seva = await createSeva(db, { feePaise: 25_000, refundFullHoursBefore: 24 });
    startsAt.setUTCSeconds(0, 0);
    const slot = await createSlot(db, { sevaId: seva.id, startsAt, capacity: 4 });
    const { booking, manageToken } = await createBooking(db, {
      slotId: slot.id,
      feePaise: 25_000,
      pays: how === 'online' ? 'online' : 'counter',
    });
    const payment = await db.payment.create({
      data: {
        bookingId: booking.id,
        method: how,
        amountPaise: 25_000,
        paidAt: new Date(),
        ...(how === 'online'
          ? {
              razorpayPaymentId: `pay_${booking.reference}`,
              razorpayOrderId: `order_${booking.id}`,
            }
          : { recordedByStaffId: staff.staff.user.id }),
      },
    });
    return { booking, manageToken, payment, slot };
  }

  const cancelAsDevotee = (reference: string, token: string) =>
    send(app, 'POST', `/api/v1/bookings/${reference}/cancel`, {
      headers: { 'x-booking-token': token },
    });

  describe('the rule', () => {
    it('refunds in full exactly N hours before the start, and not a minute later', () => {
      const startsAt = new Date('2027-01-10T04:00:00Z');
      expect(fullRefundDue(startsAt, 24, new Date(startsAt.getTime() - 24 * HOUR))).toBe(true);
      expect(fullRefundDue(startsAt, 24, new Date(startsAt.getTime() - 24 * HOUR + 60_000))).toBe(
        false,
      );
      expect(fullRefundDue(startsAt, 0, startsAt)).toBe(true);
    });

    it('holds at the boundary through the cancellation itself (the clock fixed)', async () => {
      const deps = (now: Date) => ({
        database: testDatabase(),
        timeZone: 'Asia/Kolkata',
        tokens: new ManageTokens('x'.repeat(64)),
        now: () => now,
      });
      const inTime = await paidBooking('upi');
      const startsAt = inTime.slot.startsAt;
      await cancelBooking(deps(new Date(startsAt.getTime() - 24 * HOUR)), inTime.booking.id, {
        actor: { type: 'devotee', label: 'devotee' },
        enforceCutOff: false,
      });
      expect(await db.refund.findUnique({ where: { paymentId: inTime.payment.id } })).toMatchObject(
        { amountPaise: 25_000, method: 'cash', status: 'due_at_counter', reason: 'cancelled' },
      );

      const late = await paidBooking('upi');
      const lateStart = late.slot.startsAt;
      await cancelBooking(
        deps(new Date(lateStart.getTime() - 24 * HOUR + 60_000)),
        late.booking.id,
        {
          actor: { type: 'devotee', label: 'devotee' },
          enforceCutOff: false,
        },
      );
      expect(await db.refund.findUnique({ where: { paymentId: late.payment.id } })).toBeNull();
      expect(await db.payment.findUniqueOrThrow({ where: { id: late.payment.id } })).toMatchObject({
        status: 'captured',
      });
      expect(
        await db.auditEntry.count({
          where: { bookingId: late.booking.id, action: 'refund.not_due' },
        }),
      ).toBe(1);
    });
  });

  describe('money taken at the counter', () => {
    it('cancelled by staff: handed back in cash by that clerk at once', async () => {
      const { booking, payment } = await paidBooking('cash');
      const res = await send(
        app,
        'POST',
        `/api/v1/admin/bookings/${booking.id}/cancel`,
        staff.staff,
        {},
      );
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({
        status: 'cancelled',
        refund: { status: 'processed', method: 'cash', amountPaise: 25_000 },
      });
      const refund = await db.refund.findUniqueOrThrow({ where: { paymentId: payment.id } });
      expect(refund).toMatchObject({
        status: 'processed',
        method: 'cash',
        recordedByStaffId: staff.staff.user.id,
      });
      expect(refund.processedAt).not.toBeNull();
      expect((await db.payment.findUniqueOrThrow({ where: { id: payment.id } })).status).toBe(
        'refunded',
      );
    });

    it('cancelled by the devotee through their link: due at the counter until a clerk pays it', async () => {
      const { booking, manageToken, payment } = await paidBooking('cash');
      const res = await cancelAsDevotee(booking.reference, manageToken);
      expect(res.statusCode).toBe(200);
      const refund = await db.refund.findUniqueOrThrow({ where: { paymentId: payment.id } });
      expect(refund).toMatchObject({ status: 'due_at_counter', method: 'cash', processedAt: null });
      expect((await db.payment.findUniqueOrThrow({ where: { id: payment.id } })).status).toBe(
        'refund_due',
      );

      const paidOut = await send(
        app,
        'POST',
        `/api/v1/admin/refunds/${refund.id}/paid-out`,
        staff.admin,
      );
      expect(paidOut.statusCode).toBe(200);
      expect(paidOut.json()).toMatchObject({
        status: 'processed',
        recordedBy: { id: staff.admin.user.id },
      });
      expect((await db.payment.findUniqueOrThrow({ where: { id: payment.id } })).status).toBe(
        'refunded',
      );
      const twice = await send(
        app,
        'POST',
        `/api/v1/admin/refunds/${refund.id}/paid-out`,
        staff.staff,
      );
      expect(twice.statusCode).toBe(409);
      expect(twice.json()).toMatchObject({ code: 'refund_not_due' });
      expect(
        (await db.refund.findUniqueOrThrow({ where: { id: refund.id } })).recordedByStaffId,
      ).toBe(staff.admin.user.id);
    });

    it('staff may keep the fee before the deadline, or refund after it', async () => {
      const kept = await paidBooking('cash');
      await send(app, 'POST', `/api/v1/admin/bookings/${kept.booking.id}/cancel`, staff.staff, {
        refund: false,
      });
      expect(await db.refund.count({ where: { paymentId: kept.payment.id } })).toBe(0);

      const late = await paidBooking('cash', new Date(Date.now() + 2 * HOUR));
      const res = await send(
        app,
        'POST',
        `/api/v1/admin/bookings/${late.booking.id}/cancel`,
        staff.staff,
        { refund: true },
      );
      expect(res.statusCode).toBe(200);
      expect(
        await db.refund.findUniqueOrThrow({ where: { paymentId: late.payment.id } }),
      ).toMatchObject({ status: 'processed', amountPaise: 25_000 });
    });

    it('after the deadline, the devotee’s cancellation refunds nothing', async () => {
      const { booking, manageToken, payment } = await paidBooking(
        'cash',
        new Date(Date.now() + 20 * HOUR),
      );
      expect((await cancelAsDevotee(booking.reference, manageToken)).statusCode).toBe(200);
      expect(await db.refund.count({ where: { paymentId: payment.id } })).toBe(0);
      expect((await db.payment.findUniqueOrThrow({ where: { id: payment.id } })).status).toBe(
        'captured',
      );
    });
  });

  describe('online payments', () => {
    it('are queued to go back through Razorpay', async () => {
      const { booking, manageToken, payment } = await paidBooking('online');
      const res = await cancelAsDevotee(booking.reference, manageToken);
      expect(res.statusCode).toBe(200);
      // The devotee's answer tells the refund at once.
      expect(res.json()).toMatchObject({
        status: 'cancelled',
        refund: { method: 'razorpay', status: 'pending', amountPaise: 25_000 },
      });
      expect(await db.refund.findUniqueOrThrow({ where: { paymentId: payment.id } })).toMatchObject(
        { method: 'razorpay', status: 'pending', amountPaise: 25_000 },
      );
    });

    it('a failed one can be tried again by staff, and only a failed one', async () => {
      const { booking, payment } = await paidBooking('online');
      await send(app, 'POST', `/api/v1/admin/bookings/${booking.id}/cancel`, staff.staff, {});
      const refund = await db.refund.findUniqueOrThrow({ where: { paymentId: payment.id } });
      const notFailed = await send(
        app,
        'POST',
        `/api/v1/admin/refunds/${refund.id}/retry`,
        staff.staff,
      );
      expect(notFailed.statusCode).toBe(409);
      expect(notFailed.json()).toMatchObject({ code: 'refund_not_failed' });

      await db.refund.update({
        where: { id: refund.id },
        data: {
          status: 'failed',
          lastError: 'Razorpay 400: insufficient balance',
          razorpayRefundId: `rfnd_${refund.id}`,
        },
      });
      const failed = await send(
        app,
        'GET',
        '/api/v1/admin/refunds?status=failed&pageSize=200',
        staff.viewer,
      );
      expect(failed.statusCode).toBe(200);
      const listed = failed
        .json<{ items: { id: number; booking: { phone: string } }[] }>()
        .items.find((r) => r.id === refund.id);
      expect(listed?.booking.phone).toContain('•');

      const retried = await send(
        app,
        'POST',
        `/api/v1/admin/refunds/${refund.id}/retry`,
        staff.staff,
      );
      expect(retried.statusCode).toBe(200);
      expect(await db.refund.findUniqueOrThrow({ where: { id: refund.id } })).toMatchObject({
        status: 'pending',
        razorpayRefundId: null,
      });
    });
  });

  it('a held booking never paid: places released, nothing refunded', async () => {
    const seva = await createSeva(db, { feePaise: 25_000 });
    const slot = await createSlot(db, { sevaId: seva.id, booked: 2 });
    const { booking } = await createBooking(db, {
      slotId: slot.id,
      persons: 2,
      feePaise: 50_000,
      pays: 'online',
      status: 'pending_payment',
      holdExpiresAt: new Date(Date.now() + 600_000),
    });
    const res = await send(
      app,
      'POST',
      `/api/v1/admin/bookings/${booking.id}/cancel`,
      staff.staff,
      {},
    );
    expect(res.statusCode).toBe(200);
    expect((await db.slot.findUniqueOrThrow({ where: { id: slot.id } })).booked).toBe(0);
    expect(await db.refund.count({ where: { payment: { bookingId: booking.id } } })).toBe(0);
  });

  describe('staff undoing a paid cancellation', () => {
    const cancelAsStaff = (id: number) =>
      send(app, 'POST', `/api/v1/admin/bookings/${id}/cancel`, staff.staff, {});
    const restore = (id: number) =>
      send(app, 'POST', `/api/v1/admin/bookings/${id}/restore`, staff.staff);

    it('holds an online refund back for the undo window, and the undo withdraws it', async () => {
      const { booking, payment } = await paidBooking('online');
      expect((await cancelAsStaff(booking.id)).statusCode).toBe(200);
      const refund = await db.refund.findUniqueOrThrow({ where: { paymentId: payment.id } });
      // Not for the sender before the cancellation's own message could go.
      expect(refund.dueAt.getTime()).toBeGreaterThan(Date.now());

      const res = await restore(booking.id);
      expect(res.statusCode).toBe(200);
      expect(await db.refund.findUnique({ where: { paymentId: payment.id } })).toBeNull();
      expect(await db.payment.findUniqueOrThrow({ where: { id: payment.id } })).toMatchObject({
        status: 'captured',
      });
      expect(res.json()).toMatchObject({ status: 'confirmed', refund: null });
    });

    it('withdraws the cash a clerk recorded as handed back, so the cash box still counts it', async () => {
      const { booking, payment } = await paidBooking('cash');
      await cancelAsStaff(booking.id);
      expect((await restore(booking.id)).statusCode).toBe(200);
      expect(await db.refund.findUnique({ where: { paymentId: payment.id } })).toBeNull();
      expect((await db.payment.findUniqueOrThrow({ where: { id: payment.id } })).status).toBe(
        'captured',
      );
    });

    it('refuses once the refund has gone to Razorpay, and changes nothing', async () => {
      const { booking, payment } = await paidBooking('online');
      await cancelAsStaff(booking.id);
      await db.refund.update({
        where: { paymentId: payment.id },
        data: { status: 'processing', attempts: 1, razorpayRefundId: `rfnd_${booking.id}` },
      });
      const res = await restore(booking.id);
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({ code: 'refund_under_way' });
      expect(await db.booking.findUniqueOrThrow({ where: { id: booking.id } })).toMatchObject({
        status: 'cancelled',
      });
      expect(await db.refund.findUniqueOrThrow({ where: { paymentId: payment.id } })).toMatchObject(
        { status: 'processing' },
      );
    });
  });

  describe('the cancellation message', () => {
    const ctx: RenderContext = {
      timeZone: 'Asia/Kolkata',
      templeName: 'Sri Test Mutt',
      manageUrl: (reference) => `https://temple.example/b/${reference}`,
      templeAddress: null,
      templeMapUrl: null,
      sevaUrl: (id) => `https://temple.example/sevas/${id}`,
    };
    const messageOf = async (bookingId: number, language: 'en' | 'kn') => {
      const booking = await db.booking.findUniqueOrThrow({
        where: { id: bookingId },
        include: {
          slot: { include: { seva: true } },
          payments: { include: { receipt: true, refund: true }, orderBy: { id: 'desc' } },
        },
      });
      return renderMessage('cancellation', { ...booking, language }, ctx).body;
    };

    it('tells the refund, in English and Kannada', async () => {
      const { booking, manageToken } = await paidBooking('online');
      await cancelAsDevotee(booking.reference, manageToken);
      const en = await messageOf(booking.id, 'en');
      expect(en).toContain('The full amount is being refunded to the account you paid from.');
      expect(en).toMatch(/Refund: ₹250/);
      const kn = await messageOf(booking.id, 'kn');
      expect(kn).toContain('ನೀವು ಪಾವತಿಸಿದ ಖಾತೆಗೆ ಹಿಂದಿರುಗಿಸಲಾಗುತ್ತಿದೆ');
      expect(kn).toMatch(/ಮರುಪಾವತಿ: ₹250/);
    });

    it('says when the policy gives no refund, and where to collect cash', async () => {
      const late = await paidBooking('cash', new Date(Date.now() + 5 * HOUR));
      await cancelAsDevotee(late.booking.reference, late.manageToken);
      expect(await messageOf(late.booking.id, 'en')).toContain(
        'no refund is given for a booking cancelled this close to the seva',
      );
      const due = await paidBooking('cash');
      await cancelAsDevotee(due.booking.reference, due.manageToken);
      expect(await messageOf(due.booking.id, 'en')).toContain(
        'Please collect your refund at the temple counter.',
      );
      expect(await messageOf(due.booking.id, 'kn')).toContain('ದೇವಸ್ಥಾನದ ಕೌಂಟರ್‌ನಲ್ಲಿ ಪಡೆದುಕೊಳ್ಳಿ');
    });

    it('says nothing of money for a free booking', async () => {
      const slot = await createSlot(db);
      const { booking, manageToken } = await createBooking(db, { slotId: slot.id });
      await cancelAsDevotee(booking.reference, manageToken);
      expect(await messageOf(booking.id, 'en')).not.toMatch(/refund/i);
    });
  });
});
