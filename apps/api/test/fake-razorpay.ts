import { createHmac, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { isCheckoutPath, serveCheckout } from './fake-razorpay-checkout.ts';

/**
 * A small stand-in for Razorpay's REST API on 127.0.0.1, for the real `razorpay` SDK to talk to
 * (RAZORPAY_API_BASE). It keeps orders, payments and refunds, lets a test pay an order the way
 * Checkout would (`pay`, signed with the key secret), signs webhooks with the webhook secret
 * (`webhook`), and can be told to misbehave: refuse refunds, take a refund and never answer, or
 * hang a payment lookup (the kill -9 test).
 */

/** Random for each test process: no credential, not even a test double's, is a constant. */
export const FAKE_RAZORPAY_KEY_ID = `rzp_test_${randomBytes(7).toString('hex')}`;
export const FAKE_RAZORPAY_KEY_SECRET = randomBytes(16).toString('hex');
export const FAKE_RAZORPAY_WEBHOOK_SECRET = randomBytes(16).toString('hex');

export interface FakeOrder {
  id: string;
  entity: 'order';
  amount: number;
  amount_paid: number;
  amount_due: number;
  currency: string;
  receipt: string | null;
  status: 'created' | 'attempted' | 'paid';
  attempts: number;
  notes: Record<string, string>;
  created_at: number;
}

export interface FakePayment {
  id: string;
  entity: 'payment';
  amount: number;
  currency: string;
  status: 'created' | 'authorized' | 'captured' | 'refunded' | 'failed';
  order_id: string;
  method: string;
  captured: boolean;
  amount_refunded: number;
  refund_status: string | null;
  notes: Record<string, string>;
  fee: number;
  tax: number;
  error_code: string | null;
  error_description: string | null;
  created_at: number;
}

export interface FakeRefund {
  id: string;
  entity: 'refund';
  amount: number;
  currency: string;
  payment_id: string;
  notes: Record<string, string>;
  status: 'pending' | 'processed' | 'failed';
  created_at: number;
}

/** One row of the settlement recon report (GET /v1/settlements/recon/combined). */
export interface FakeSettlementItem {
  entity_id: string;
  type: 'payment' | 'refund' | 'adjustment';
  amount: number;
  fee: number;
  tax: number;
  debit: number;
  credit: number;
  currency: string;
  settled: boolean;
  settled_at: number;
  settlement_id: string;
  order_id: string | null;
  description: string | null;
}

export interface Signed {
  razorpay_order_id: string;
  razorpay_payment_id: string;
  razorpay_signature: string;
}

export interface FakeWebhook {
  body: string;
  headers: Record<string, string>;
}

type Hanging = { res: ServerResponse; release: () => void };

export class FakeRazorpay {
  readonly orders = new Map<string, FakeOrder>();
  readonly payments = new Map<string, FakePayment>();
  /** Every refund made, in order. */
  readonly refunds: FakeRefund[] = [];
  /** Settlement items a test adds that match nothing of Sevabook's. */
  readonly extraSettlementItems: FakeSettlementItem[] = [];
  /** Every request the fake answered or hung, as "METHOD /path". */
  readonly requests: string[] = [];
  /** The next refund requests fail like this, one each; `refundOutage` fails them all. */
  readonly refundFailures: { status: number; description: string }[] = [];
  refundOutage: { status: number; description: string } | undefined;
  /** The next refund requests are made, then never answered (the sender cannot know). */
  refundsToHang = 0;
  /** Payment lookups (GET /payments/:id, GET /orders/:id/payments) hang until released. */
  hangPaymentLookups = false;
  private readonly hanging = new Set<Hanging>();
  private readonly sockets = new Set<Socket>();
  private server: Server | undefined;
  private sequence = 0;

  constructor(
    readonly keyId = FAKE_RAZORPAY_KEY_ID,
    readonly keySecret = FAKE_RAZORPAY_KEY_SECRET,
    readonly webhookSecret = FAKE_RAZORPAY_WEBHOOK_SECRET,
  ) {}

  get url(): string {
    const address = this.server?.address() as AddressInfo | undefined;
    if (!address) throw new Error('The fake Razorpay is not started');
    return `http://127.0.0.1:${address.port}`;
  }

  /** The checkout script's address, for RAZORPAY_CHECKOUT_URL. */
  get checkoutUrl(): string {
    return `${this.url}/v1/checkout.js`;
  }

  async start(port = 0): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    return this;
  }

  async close(): Promise<void> {
    for (const { res } of this.hanging) res.destroy();
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) =>
      this.server ? this.server.close(() => resolve()) : resolve(),
    );
  }

  /** Answers the payment lookups that were made to hang, and stops hanging new ones. */
  releasePaymentLookups(): void {
    this.hangPaymentLookups = false;
    for (const hanging of [...this.hanging]) hanging.release();
  }

  /**
   * Pays an order as Checkout would: a captured payment of the order's amount (or `amount`),
   * signed with the key secret. `fail` makes a failed payment (still signed, as a forged
   * success would be); `authorized` one Razorpay has not captured yet.
   */
  pay(
    orderId: string,
    options: { fail?: boolean; authorized?: boolean; amount?: number; method?: string } = {},
  ): Signed {
    const order = this.orders.get(orderId);
    if (!order) throw new Error(`The fake Razorpay has no order ${orderId}`);
    const status = options.fail ? 'failed' : options.authorized ? 'authorized' : 'captured';
    const payment: FakePayment = {
      id: this.id('pay'),
      entity: 'payment',
      amount: options.amount ?? order.amount,
      currency: order.currency,
      status,
      order_id: orderId,
      method: options.method ?? 'upi',
      captured: status === 'captured',
      amount_refunded: 0,
      refund_status: null,
      notes: order.notes,
      fee: 0,
      tax: 0,
      error_code: options.fail ? 'BAD_REQUEST_ERROR' : null,
      error_description: options.fail ? 'Payment failed' : null,
      created_at: now(),
    };
    this.payments.set(payment.id, payment);
    order.attempts++;
    order.status = 'attempted';
    if (status === 'captured') this.markPaid(order, payment);
    return {
      razorpay_order_id: orderId,
      razorpay_payment_id: payment.id,
      razorpay_signature: this.sign(`${orderId}|${payment.id}`, this.keySecret),
    };
  }

  /** A webhook body and headers, signed with the webhook secret, to POST to the API. */
  webhook(
    event: string,
    entities: { payment?: FakePayment; order?: FakeOrder; refund?: FakeRefund },
    eventId = this.id('evt'),
  ): FakeWebhook {
    const payload: Record<string, { entity: unknown }> = {};
    for (const [name, entity] of Object.entries(entities)) payload[name] = { entity };
    const body = JSON.stringify({
      entity: 'event',
      account_id: 'acc_fake',
      event,
      contains: Object.keys(entities),
      payload,
      created_at: now(),
    });
    return {
      body,
      headers: {
        'content-type': 'application/json',
        'x-razorpay-signature': this.sign(body, this.webhookSecret),
        'x-razorpay-event-id': eventId,
      },
    };
  }

  /** The webhook Razorpay sends about a payment (payment.captured, payment.failed, order.paid). */
  paymentWebhook(event: string, paymentId: string, eventId?: string): FakeWebhook {
    const payment = this.payments.get(paymentId);
    if (!payment) throw new Error(`The fake Razorpay has no payment ${paymentId}`);
    const order = event === 'order.paid' ? this.orders.get(payment.order_id) : undefined;
    return this.webhook(event, { payment, ...(order ? { order } : {}) }, eventId);
  }

  /** The webhook Razorpay sends about a refund (refund.processed, refund.failed). */
  refundWebhook(event: string, refundId: string, eventId?: string): FakeWebhook {
    const refund = this.refunds.find((r) => r.id === refundId);
    if (!refund) throw new Error(`The fake Razorpay has no refund ${refundId}`);
    refund.status = event === 'refund.failed' ? 'failed' : 'processed';
    return this.webhook(event, { refund, payment: this.payments.get(refund.payment_id)! }, eventId);
  }

  /** A settlement that matches none of Sevabook's payments, for reconciliation. */
  addUnmatchedSettlement(amount: number, paymentId = this.id('pay')): FakeSettlementItem {
    const item = this.settlementItem(paymentId, amount, null, now());
    this.extraSettlementItems.push(item);
    return item;
  }

  paymentsOf(orderId: string): FakePayment[] {
    return [...this.payments.values()].filter((p) => p.order_id === orderId);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const raw = await readBody(req);
    const path = url.pathname.replace(/\/$/, '');
    this.requests.push(`${req.method} ${path}`);
    // Checkout's script and page, for browser tests (fake-razorpay-checkout.ts): no key needed.
    if (isCheckoutPath(path)) return serveCheckout(this, req, res, raw);
    if (!this.authorised(req)) return error(res, 401, 'BAD_REQUEST_ERROR', 'Authentication failed');
    const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    if (req.method === 'GET' && path === '/v1/settlements/recon/combined') {
      return json(res, 200, list(this.settlementsOn(url.searchParams)));
    }
    const [, version, resource, id, sub, subId] = path.split('/');
    if (version !== 'v1') return error(res, 404, 'NOT_FOUND', 'No such URL');
    const route = `${req.method} ${resource ?? ''}${id ? '/:id' : ''}${sub ? `/${sub}` : ''}${subId ? '/:id' : ''}`;
    switch (route) {
      case 'POST orders':
        return json(res, 200, this.createOrder(body));
      case 'GET orders/:id':
        return this.found(res, this.orders.get(id!));
      case 'GET orders/:id/payments':
        return this.afterLookup(res, () => list(this.paymentsOf(id!)));
      case 'GET payments/:id':
        return this.afterLookup(res, () => this.payments.get(id!));
      case 'POST payments/:id/capture':
        return this.capture(res, id!, Number(body.amount));
      case 'POST payments/:id/refund':
        return this.refund(res, id!, body);
      case 'GET payments/:id/refunds':
        return json(res, 200, list(this.refunds.filter((r) => r.payment_id === id)));
      case 'GET refunds/:id':
        return this.found(
          res,
          this.refunds.find((r) => r.id === id),
        );
      default:
        return error(res, 404, 'NOT_FOUND', `No route ${route}`);
    }
  }

  private createOrder(body: Record<string, unknown>): FakeOrder {
    const amount = Number(body.amount);
    const order: FakeOrder = {
      id: this.id('order'),
      entity: 'order',
      amount,
      amount_paid: 0,
      amount_due: amount,
      currency: typeof body.currency === 'string' ? body.currency : 'INR',
      receipt: typeof body.receipt === 'string' ? body.receipt : null,
      status: 'created',
      attempts: 0,
      notes: (body.notes as Record<string, string> | undefined) ?? {},
      created_at: now(),
    };
    this.orders.set(order.id, order);
    return order;
  }

  private capture(res: ServerResponse, id: string, amount: number): void {
    const payment = this.payments.get(id);
    if (!payment) return error(res, 400, 'BAD_REQUEST_ERROR', 'The id provided does not exist');
    if (payment.status !== 'authorized' || amount !== payment.amount) {
      return error(res, 400, 'BAD_REQUEST_ERROR', 'This payment cannot be captured');
    }
    payment.status = 'captured';
    payment.captured = true;
    this.markPaid(this.orders.get(payment.order_id)!, payment);
    json(res, 200, payment);
  }

  private refund(res: ServerResponse, id: string, body: Record<string, unknown>): void {
    const payment = this.payments.get(id);
    if (!payment) return error(res, 400, 'BAD_REQUEST_ERROR', 'The id provided does not exist');
    const failure = this.refundFailures.shift() ?? this.refundOutage;
    if (failure) return error(res, failure.status, 'BAD_REQUEST_ERROR', failure.description);
    const amount = body.amount === undefined ? payment.amount : Number(body.amount);
    if (payment.status !== 'captured' || amount > payment.amount - payment.amount_refunded) {
      return error(res, 400, 'BAD_REQUEST_ERROR', 'The payment has been fully refunded already');
    }
    const refund: FakeRefund = {
      id: this.id('rfnd'),
      entity: 'refund',
      amount,
      currency: payment.currency,
      payment_id: id,
      notes: (body.notes as Record<string, string> | undefined) ?? {},
      status: 'pending',
      created_at: now(),
    };
    this.refunds.push(refund);
    payment.amount_refunded += amount;
    payment.refund_status = payment.amount_refunded === payment.amount ? 'full' : 'partial';
    if (payment.refund_status === 'full') payment.status = 'refunded';
    if (this.refundsToHang > 0) {
      this.refundsToHang--;
      this.hanging.add({ res, release: () => undefined });
      return;
    }
    json(res, 200, refund);
  }

  /** A lookup of payments, made to hang while `hangPaymentLookups` is set. */
  private afterLookup(res: ServerResponse, answer: () => unknown): void {
    if (!this.hangPaymentLookups) return this.found(res, answer());
    const hanging: Hanging = {
      res,
      release: () => {
        this.hanging.delete(hanging);
        if (!res.destroyed) this.found(res, answer());
      },
    };
    this.hanging.add(hanging);
  }

  private found(res: ServerResponse, entity: unknown): void {
    if (entity === undefined) {
      return error(res, 400, 'BAD_REQUEST_ERROR', 'The id provided does not exist');
    }
    json(res, 200, entity);
  }

  private settlementsOn(query: URLSearchParams): FakeSettlementItem[] {
    const year = Number(query.get('year'));
    const month = Number(query.get('month'));
    const day = query.get('day') ? Number(query.get('day')) : undefined;
    const captured = [...this.payments.values()]
      .filter((p) => p.captured)
      .map((p) => this.settlementItem(p.id, p.amount, p.order_id, p.created_at));
    return [...captured, ...this.extraSettlementItems].filter((item) => {
      const at = new Date(item.settled_at * 1000);
      return (
        at.getUTCFullYear() === year &&
        at.getUTCMonth() + 1 === month &&
        (day === undefined || at.getUTCDate() === day)
      );
    });
  }

  private settlementItem(
    paymentId: string,
    amount: number,
    orderId: string | null,
    at: number,
  ): FakeSettlementItem {
    return {
      entity_id: paymentId,
      type: 'payment',
      amount,
      fee: 0,
      tax: 0,
      debit: 0,
      credit: amount,
      currency: 'INR',
      settled: true,
      settled_at: at,
      settlement_id: `setl_${paymentId.slice(4)}`,
      order_id: orderId,
      description: null,
    };
  }

  private markPaid(order: FakeOrder, payment: FakePayment): void {
    order.status = 'paid';
    order.amount_paid = payment.amount;
    order.amount_due = Math.max(0, order.amount - payment.amount);
  }

  private id(prefix: string): string {
    this.sequence++;
    return `${prefix}_${randomBytes(6).toString('hex')}${this.sequence.toString(36)}`;
  }

  private sign(text: string, secret: string): string {
    return createHmac('sha256', secret).update(text).digest('hex');
  }

  private authorised(req: IncomingMessage): boolean {
    const expected = `Basic ${Buffer.from(`${this.keyId}:${this.keySecret}`).toString('base64')}`;
    return req.headers.authorization === expected;
  }
}

function now(): number {
  return Math.floor(Date.now() / 1000);
}

function list(items: unknown[]) {
  return { entity: 'collection', count: items.length, items };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

/** Razorpay's error body: { error: { code, description, … } }. */
function error(res: ServerResponse, status: number, code: string, description: string): void {
  json(res, status, {
    error: { code, description, source: 'NA', step: 'NA', reason: 'NA', metadata: {} },
  });
}
