import Razorpay from 'razorpay';
import { addDaysToDate, startOfTempleDay, type Reconciliation } from '@sevabook/shared';
import type { Tx } from '../db/client.ts';
import { formatReceiptNumber } from './receipts.ts';

/**
 * Online payments reconciled against Razorpay's settlements: every settled item should be a
 * payment (or refund) Sevabook recorded, and every payment Sevabook recorded should be settled.
 * Both kinds of mismatch are listed for the office to look into.
 *
 * Razorpay settles a payment a few working days after it is made, so the settlement report is
 * read from the first day of the range to SETTLEMENT_LAG_DAYS after its last: a payment of the
 * range's last day is found in a settlement of the next week. A payment that simply has not
 * been settled yet (the range ends today) is listed as unsettled, which is what it is.
 */

export const SETTLEMENT_LAG_DAYS = 7;
/** Razorpay's most items in one page of the recon report. */
const PAGE = 1000;

/** One row of Razorpay's settlement recon report (GET /v1/settlements/recon/combined). */
export interface SettlementItem {
  entity_id: string;
  type: string;
  amount: number | string;
  settlement_id?: string | null;
  settled_at?: number | null;
  order_id?: string | null;
  payment_id?: string | null;
}

/** The Razorpay account's settings (config.ts), as far as reading reports needs them. */
export interface RazorpayAccount {
  keyId: string;
  keySecret: string;
  apiBase?: string | undefined;
}

export interface SettlementSource {
  /** Every item settled in one month (UTC calendar, as Razorpay's report takes it). */
  itemsOfMonth(year: number, month: number): Promise<SettlementItem[]>;
}

/**
 * Reads the recon report through the official SDK (settlements.reports), a page at a time.
 * NOTE: its own SDK instance, aimed like the gateway's (payments/razorpay-gateway.ts) at
 * RAZORPAY_API_BASE when set; the gateway keeps its SDK private to the calls it makes.
 */
export class RazorpaySettlements implements SettlementSource {
  private readonly sdk: Razorpay;

  constructor(settings: RazorpayAccount) {
    this.sdk = new Razorpay({ key_id: settings.keyId, key_secret: settings.keySecret });
    const internals = this.sdk as unknown as { api: { rq: { defaults: { baseURL?: string } } } };
    if (settings.apiBase) internals.api.rq.defaults.baseURL = settings.apiBase.replace(/\/$/, '');
  }

  async itemsOfMonth(year: number, month: number): Promise<SettlementItem[]> {
    const items: SettlementItem[] = [];
    for (let skip = 0; ; skip += PAGE) {
      const page = (await this.sdk.settlements.reports({
        year,
        month,
        count: PAGE,
        skip,
      })) as unknown as { items?: SettlementItem[] };
      const got = page.items ?? [];
      items.push(...got);
      if (got.length < PAGE) return items;
    }
  }
}

export async function reconcile(
  db: Tx,
  source: SettlementSource | undefined,
  query: { from: string; to: string },
  timeZone: string,
  receiptPrefix: string,
): Promise<Reconciliation> {
  const empty = { from: query.from, to: query.to, matched: 0 };
  if (!source) {
    return {
      ...empty,
      onlinePayment: false,
      note: 'Online payment is off (no RAZORPAY_KEY_ID): there is nothing to reconcile.',
      settledWithoutPayment: [],
      paidWithoutSettlement: [],
    };
  }
  const start = startOfTempleDay(query.from, timeZone);
  const end = startOfTempleDay(addDaysToDate(query.to, 1), timeZone);
  const settledUntil = new Date(end.getTime() + SETTLEMENT_LAG_DAYS * 86_400_000);

  const settled: SettlementItem[] = [];
  for (const [year, month] of monthsBetween(start, settledUntil)) {
    for (const item of await source.itemsOfMonth(year, month)) {
      const at = item.settled_at ? item.settled_at * 1000 : null;
      if (at === null || (at >= start.getTime() && at < settledUntil.getTime())) settled.push(item);
    }
  }

  const payments = await db.payment.findMany({
    where: { method: 'online', paidAt: { gte: start, lt: end } },
    include: { receipt: true, booking: { select: { reference: true } } },
    orderBy: { paidAt: 'asc' },
  });
  const settledPaymentIds = new Set(
    settled.filter((i) => i.type === 'payment').map((i) => i.entity_id),
  );
  // A settled item is Sevabook's when it is a payment or refund Sevabook recorded, whenever.
  const paymentIds = settled.filter((i) => i.type === 'payment').map((i) => i.entity_id);
  const refundIds = settled.filter((i) => i.type === 'refund').map((i) => i.entity_id);
  const [knownPayments, knownRefunds] = await Promise.all([
    db.payment.findMany({
      where: { razorpayPaymentId: { in: paymentIds } },
      select: { razorpayPaymentId: true },
    }),
    db.refund.findMany({
      where: { razorpayRefundId: { in: refundIds } },
      select: { razorpayRefundId: true },
    }),
  ]);
  const known = new Set([
    ...knownPayments.map((p) => p.razorpayPaymentId),
    ...knownRefunds.map((r) => r.razorpayRefundId),
  ]);

  const paidWithoutSettlement = payments.filter(
    (p) => !settledPaymentIds.has(p.razorpayPaymentId ?? ''),
  );
  return {
    ...empty,
    onlinePayment: true,
    note: null,
    matched: payments.length - paidWithoutSettlement.length,
    settledWithoutPayment: settled
      .filter((i) => !known.has(i.entity_id))
      .map((i) => ({
        razorpayPaymentId: i.type === 'payment' ? i.entity_id : (i.payment_id ?? null),
        razorpayOrderId: i.order_id ?? null,
        type: i.type,
        amountPaise: Number(i.amount),
        settlementId: i.settlement_id ?? null,
        settledAt: i.settled_at ? new Date(i.settled_at * 1000).toISOString() : null,
      })),
    paidWithoutSettlement: paidWithoutSettlement.map((p) => ({
      paymentId: p.id,
      razorpayPaymentId: p.razorpayPaymentId ?? '',
      bookingReference: p.booking.reference,
      receiptNumber: p.receipt
        ? formatReceiptNumber(receiptPrefix, p.receipt.financialYear, p.receipt.number)
        : null,
      amountPaise: p.amountPaise,
      paidAt: p.paidAt.toISOString(),
    })),
  };
}

/** [year, month] of every UTC month from `from` to `until`, both included. */
function monthsBetween(from: Date, until: Date): [number, number][] {
  const months: [number, number][] = [];
  let year = from.getUTCFullYear();
  let month = from.getUTCMonth() + 1;
  while (
    year < until.getUTCFullYear() ||
    (year === until.getUTCFullYear() && month <= until.getUTCMonth() + 1)
  ) {
    months.push([year, month]);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return months;
}
