import Razorpay from 'razorpay';
import type { Config } from '../config.ts';

/**
 * Sevabook's calls to Razorpay, through the official SDK. RAZORPAY_API_BASE sends them to
 * another base URL (a test double, an egress proxy): the SDK talks through one axios instance
 * (`instance.api.rq`, made in the SDK's dist/api.js with Razorpay's own host), whose defaults
 * are set here. Amounts are integers in paise, as in Sevabook.
 */

export type RazorpaySettings = NonNullable<Config['razorpay']>;

/** What Sevabook reads of a Razorpay payment. */
export interface GatewayPayment {
  id: string;
  orderId: string | null;
  amountPaise: number;
  status: string;
  /** When Razorpay made it; the receipt's date is when Sevabook recorded it. */
  createdAt: Date;
  notes: Record<string, string>;
}

export interface GatewayRefund {
  id: string;
  paymentId: string;
  status: string;
  notes: Record<string, string>;
}

/** How long one call may take; after it the outcome is unknown and looked up, never repeated. */
const CALL_TIMEOUT_MS = 15_000;

interface SdkInternals {
  api: { rq: { defaults: { baseURL?: string; timeout?: number } } };
}

export class RazorpayGateway {
  private readonly sdk: Razorpay;

  constructor(readonly settings: RazorpaySettings) {
    this.sdk = new Razorpay({ key_id: settings.keyId, key_secret: settings.keySecret });
    const defaults = (this.sdk as unknown as SdkInternals).api.rq.defaults;
    if (settings.apiBase) defaults.baseURL = settings.apiBase.replace(/\/$/, '');
    defaults.timeout = CALL_TIMEOUT_MS;
  }

  get keyId(): string {
    return this.settings.keyId;
  }

  /** An order for one booking: its receipt and notes carry the booking's reference. */
  async createOrder(amountPaise: number, reference: string): Promise<{ id: string }> {
    const order = await this.sdk.orders.create({
      amount: amountPaise,
      currency: 'INR',
      receipt: reference,
      notes: { reference },
    });
    return { id: order.id };
  }

  async fetchPayment(paymentId: string): Promise<GatewayPayment> {
    return paymentOf(await this.sdk.payments.fetch(paymentId));
  }

  /** Captures an authorised payment (accounts that do not capture automatically). */
  async capture(paymentId: string, amountPaise: number): Promise<GatewayPayment> {
    return paymentOf(await this.sdk.payments.capture(paymentId, amountPaise, 'INR'));
  }

  async paymentsOfOrder(orderId: string): Promise<GatewayPayment[]> {
    const { items } = await this.sdk.orders.fetchPayments(orderId);
    return items.map(paymentOf);
  }

  /** Refunds the whole `amountPaise`; notes.refund_id lets a timed-out refund be found later. */
  async refund(paymentId: string, amountPaise: number, refundId: number): Promise<GatewayRefund> {
    return refundOf(
      await this.sdk.payments.refund(paymentId, {
        amount: amountPaise,
        notes: { refund_id: String(refundId) },
      }),
    );
  }

  async refundsOf(paymentId: string): Promise<GatewayRefund[]> {
    const { items } = await this.sdk.payments.fetchMultipleRefund(paymentId);
    return items.map(refundOf);
  }
}

/** The gateway when online payment is configured (RAZORPAY_KEY_ID), otherwise undefined. */
export function razorpayGatewayOf(config: Pick<Config, 'razorpay'>): RazorpayGateway | undefined {
  return config.razorpay ? new RazorpayGateway(config.razorpay) : undefined;
}

/**
 * Razorpay answered and refused (a 4xx with its error body): the request did nothing. Anything
 * else (a timeout, a reset connection, a 5xx) leaves the outcome unknown.
 */
export function isRefusal(error: unknown): error is { statusCode: number; error?: unknown } {
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 500;
}

/** Razorpay's own words for a refusal, for staff and logs (never a devotee's details). */
export function refusalDescription(error: unknown): string {
  if (isRefusal(error)) {
    const body = error.error as { description?: unknown; code?: unknown } | undefined;
    const description = typeof body?.description === 'string' ? body.description : 'refused';
    return `Razorpay ${error.statusCode}: ${description}`;
  }
  return error instanceof Error ? error.message : 'no answer from Razorpay';
}

interface SdkPayment {
  id: string;
  order_id?: string | null;
  amount: number | string;
  status: string;
  created_at: number;
  notes?: unknown;
}

function paymentOf(payment: SdkPayment): GatewayPayment {
  return {
    id: payment.id,
    orderId: payment.order_id ?? null,
    amountPaise: Number(payment.amount),
    status: payment.status,
    createdAt: new Date(payment.created_at * 1000),
    notes: notesOf(payment.notes),
  };
}

function refundOf(refund: {
  id: string;
  payment_id: string;
  status: string;
  notes?: unknown;
}): GatewayRefund {
  return {
    id: refund.id,
    paymentId: refund.payment_id,
    status: refund.status,
    notes: notesOf(refund.notes),
  };
}

/** Razorpay sends notes as an object, or as an empty array when there are none. */
function notesOf(notes: unknown): Record<string, string> {
  if (!notes || Array.isArray(notes) || typeof notes !== 'object') return {};
  return Object.fromEntries(Object.entries(notes).map(([k, v]) => [k, String(v)]));
}
