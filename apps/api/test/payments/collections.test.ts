import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { templeDateOf } from '@sevabook/shared';
import { recordCounterPayment } from '../../src/payments/counter-payments.ts';
import { RazorpaySettlements, reconcile } from '../../src/payments/reconciliation.ts';
import { payOutCashRefund } from '../../src/payments/refund-policy.ts';
import { issueReceipt } from '../../src/payments/receipts.ts';
import { queueRefund } from '../../src/payments/refunds.ts';
import { send } from '../app.ts';
import { testDb } from '../db.ts';
import { createBooking, createSeva, createSlot } from '../factories.ts';
import { FakeRazorpay } from '../fake-razorpay.ts';
import { createStaffUser, staffAppForSuite } from '../staff-factories.ts';

interface CollectionsBody {
  byClerk: {
    clerk: { id: number; name: string } | null;
    receipts: number;
    byMethod: { cash: number; upi: number; card: number };
    receivedPaise: number;
    cashRefundedPaise: number;
    cashInHandPaise: number;
  }[];
  byMethod: { cash: number; upi: number; card: number; online: number };
  receivedPaise: number;
  refundedPaise: number;
  netPaise: number;
  receipts: {
    receiptNumber: string;
    phone: string;
    method: string;
    clerk: { id: number } | null;
  }[];
  refunds: { amountPaise: number; paidOutBy: { id: number } | null }[];
}

const TZ = 'Asia/Kolkata';
/** A temple day no other test pays on: 10:00 there, and a minute before it began. */
const DAY = '2035-08-14';
const AT = new Date('2035-08-14T04:30:00Z');
const DAY_BEFORE_END = new Date('2035-08-13T18:29:00Z');

describe('collections', () => {
  const { app, staff } = staffAppForSuite();
  const db = testDb();
  const clerks = {} as Record<'asha' | 'ravi', { id: number; name: string }>;
  const phones: string[] = [];

  async function booking(feePaise: number, devoteeName = 'Gowri Hegde') {
    const seva = await createSeva(db, { feePaise, nameEn: 'Kumkumarchane' });
    const slot = await createSlot(db, { sevaId: seva.id });
    const made = await createBooking(db, { slotId: slot.id, feePaise, devoteeName });
    phones.push(made.booking.phone);
    return made.booking;
  }
  const take = async (
    clerk: { id: number; name: string },
    method: 'cash' | 'upi' | 'card',
    paise: number,
    at = AT,
  ) =>
    recordCounterPayment(db, {
      bookingId: (await booking(paise, '=HYPERLINK("http://x.example")')).id,
      method,
      actor: { type: 'staff', id: clerk.id, label: clerk.name },
      now: at,
      timeZone: TZ,
    });

  beforeAll(async () => {
    for (const [key, name] of [
      ['asha', 'Asha (counter 1)'],
      ['ravi', 'Ravi (counter 2)'],
    ] as const) {
      const { user } = await createStaffUser(db, { role: 'staff' });
      clerks[key] = await db.staffUser.update({
        where: { id: user.id },
        data: { name },
        select: { id: true, name: true },
      });
    }
    const asha = { type: 'staff' as const, id: clerks.asha.id, label: clerks.asha.name };
    await take(clerks.asha, 'cash', 10_000);
    await take(clerks.asha, 'upi', 20_000);
    await take(clerks.ravi, 'card', 30_000);
    const refunded = await take(clerks.ravi, 'cash', 5_000);
    // The evening before, in temple time: not of this day.
    await take(clerks.ravi, 'cash', 70_000, DAY_BEFORE_END);
    // Paid online, no clerk.
    const online = await booking(40_000);
    await db.$transaction(async (tx) => {
      const payment = await tx.payment.create({
        data: {
          bookingId: online.id,
          method: 'online',
          amountPaise: 40_000,
          razorpayPaymentId: `pay_collections_${online.id}`,
          paidAt: AT,
        },
      });
      await issueReceipt(tx, payment.id, AT, TZ);
    });
    // Asha hands Ravi's ₹50 cash payment back.
    await db.$transaction(async (tx) => {
      const refund = await queueRefund(tx, {
        paymentId: refunded.payment.id,
        reason: 'cancelled',
        actor: { type: 'devotee', label: 'devotee' },
        now: AT,
      });
      await payOutCashRefund(tx, refund.id, asha, new Date(AT.getTime() + 3_600_000));
    });
  });

  const read = (caller: { headers: Record<string, string> }, query = `from=${DAY}&to=${DAY}`) =>
    send(app, 'GET', `/api/v1/admin/collections?${query}`, caller);

  it('totals a day per method and per clerk, with each clerk’s cash in hand', async () => {
    const res = await read(staff.staff);
    expect(res.statusCode).toBe(200);
    const body = res.json<CollectionsBody>();
    expect(body.byMethod).toEqual({ cash: 15_000, upi: 20_000, card: 30_000, online: 40_000 });
    expect(body).toMatchObject({ receivedPaise: 105_000, refundedPaise: 5_000, netPaise: 100_000 });
    expect(body.byClerk).toEqual([
      {
        clerk: clerks.asha,
        receipts: 2,
        byMethod: { cash: 10_000, upi: 20_000, card: 0 },
        receivedPaise: 30_000,
        cashRefundedPaise: 5_000,
        cashInHandPaise: 5_000,
      },
      {
        clerk: clerks.ravi,
        receipts: 2,
        byMethod: { cash: 5_000, upi: 0, card: 30_000 },
        receivedPaise: 35_000,
        cashRefundedPaise: 0,
        cashInHandPaise: 5_000,
      },
    ]);
    expect(body.refunds).toEqual([
      expect.objectContaining({ amountPaise: 5_000, paidOutBy: clerks.asha }),
    ]);
  });

  it('lists every receipt of the day in number order, the online one without a clerk', async () => {
    const { receipts } = (await read(staff.admin)).json<CollectionsBody>();
    expect(receipts.map((r) => r.method)).toEqual(['cash', 'upi', 'card', 'cash', 'online']);
    const numbers = receipts.map((r) => Number(r.receiptNumber.split('/')[2]));
    expect([...numbers].sort((a, b) => a - b)).toEqual(numbers);
    expect(receipts.every((r) => r.receiptNumber.startsWith('SB/2035-36/'))).toBe(true);
    expect(receipts[4]!.clerk).toBeNull();
    expect(phones).toContain(receipts[0]!.phone);
  });

  it('shows viewers the receipts with phone numbers masked', async () => {
    const res = await read(staff.viewer);
    expect(res.statusCode).toBe(200);
    const { receipts } = res.json<CollectionsBody>();
    expect(receipts).toHaveLength(5);
    for (const r of receipts) {
      expect(r.phone).toContain('•');
      expect(phones).not.toContain(r.phone);
    }
  });

  it('exports CSV, with what devotees typed never run as a formula', async () => {
    for (const res of [
      await read(staff.staff, `from=${DAY}&to=${DAY}&format=csv`),
      await send(app, 'GET', `/api/v1/admin/collections?from=${DAY}&to=${DAY}`, {
        headers: { ...staff.staff.headers, accept: 'text/csv' },
      }),
    ]) {
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/csv/);
      expect(res.body.startsWith('\uFEFFKind,Receipt,')).toBe(true);
      expect(res.body).toContain(`"'=HYPERLINK(""http://x.example"")"`);
      expect(res.body).not.toMatch(/,=HYPERLINK/);
      expect(res.body).toMatch(/Total received,.*1050\.00/);
      expect(res.body).toMatch(/\nNet,.*1000\.00/);
    }
    const audit = await db.auditEntry.findFirst({
      where: { action: 'collections.exported', actorId: staff.staff.user.id },
    });
    expect(audit).not.toBeNull();
  });

  it('refuses more than 92 days at a time', async () => {
    const res = await read(staff.staff, 'from=2035-01-01&to=2035-04-03');
    expect(res.statusCode).toBe(422);
    expect((await read(staff.staff, 'from=2035-01-01&to=2035-04-02')).statusCode).toBe(200);
  });

  it('reconciliation says so when online payment is off', async () => {
    const res = await send(
      app,
      'GET',
      `/api/v1/admin/collections/reconciliation?from=${DAY}&to=${DAY}`,
      staff.viewer,
    );
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      onlinePayment: false,
      settledWithoutPayment: [],
      paidWithoutSettlement: [],
    });
  });
});

describe('reconciliation against Razorpay’s settlements', () => {
  const db = testDb();
  const fake = new FakeRazorpay();
  beforeAll(async () => {
    await fake.start();
  });
  afterAll(async () => {
    await fake.close();
  });

  it('lists a settlement that matches no payment, and a payment paid but not settled', async () => {
    const now = new Date();
    const seva = await createSeva(db, { feePaise: 30_000 });
    const slot = await createSlot(db, { sevaId: seva.id });
    // Settled, and recorded: matched.
    const settled = await createBooking(db, { slotId: slot.id, feePaise: 30_000 });
    const orderId = `order_recon_${settled.booking.id}`;
    fake.orders.set(orderId, {
      id: orderId,
      entity: 'order',
      amount: 30_000,
      amount_paid: 0,
      amount_due: 30_000,
      currency: 'INR',
      receipt: settled.booking.reference,
      status: 'created',
      attempts: 0,
      notes: {},
      created_at: Math.floor(now.getTime() / 1000),
    });
    const paid = fake.pay(orderId);
    const matched = await db.payment.create({
      data: {
        bookingId: settled.booking.id,
        method: 'online',
        amountPaise: 30_000,
        razorpayPaymentId: paid.razorpay_payment_id,
        razorpayOrderId: orderId,
        paidAt: now,
      },
    });
    // Recorded, never settled.
    const unsettled = await createBooking(db, { slotId: slot.id, feePaise: 30_000 });
    const lost = await db.payment.create({
      data: {
        bookingId: unsettled.booking.id,
        method: 'online',
        amountPaise: 30_000,
        razorpayPaymentId: `pay_never_settled_${unsettled.booking.id}`,
        paidAt: now,
      },
    });
    // Settled, never recorded.
    const stray = fake.addUnmatchedSettlement(12_300);

    const today = templeDateOf(now, TZ);
    const report = await reconcile(
      db,
      new RazorpaySettlements({
        keyId: fake.keyId,
        keySecret: fake.keySecret,
        apiBase: fake.url,
      }),
      { from: today, to: today },
      TZ,
      'SB',
    );
    expect(report.onlinePayment).toBe(true);
    expect(report.settledWithoutPayment).toContainEqual(
      expect.objectContaining({
        razorpayPaymentId: stray.entity_id,
        amountPaise: 12_300,
        type: 'payment',
      }),
    );
    expect(report.settledWithoutPayment.map((i) => i.razorpayPaymentId)).not.toContain(
      paid.razorpay_payment_id,
    );
    const unsettledIds = report.paidWithoutSettlement.map((p) => p.paymentId);
    expect(unsettledIds).toContain(lost.id);
    expect(unsettledIds).not.toContain(matched.id);
    expect(report.paidWithoutSettlement.find((p) => p.paymentId === lost.id)).toMatchObject({
      bookingReference: unsettled.booking.reference,
      amountPaise: 30_000,
    });
    expect(report.matched).toBeGreaterThanOrEqual(1);
    expect(fake.requests).toContain('GET /v1/settlements/recon/combined');
  });
});
