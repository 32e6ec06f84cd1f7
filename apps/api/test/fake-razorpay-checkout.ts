import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FakeOrder, Signed } from './fake-razorpay.ts';

/**
 * Razorpay Checkout as the fake Razorpay serves it, for browser tests that cannot reach
 * checkout.razorpay.com. `GET /v1/checkout.js` defines `window.Razorpay` with the interface the
 * real script documents (`new Razorpay(options)`, `open()`, `close()`, `on('payment.failed')`;
 * options `key`, `amount`, `currency`, `order_id`, `name`, `description`, `prefill`, `config`,
 * `handler`, `modal.ondismiss`). `open()` lays an overlay with an iframe of the fake's own page
 * over the site, as the real one frames api.razorpay.com; the page offers the payment methods
 * in the order `config.display.sequence` asks for, plus "Fail payment" and "Close". Paying asks
 * the fake server to make the payment (`pay`, signed with the key secret), and the page hands
 * the result to the script, which calls `handler` with {razorpay_order_id, razorpay_payment_id,
 * razorpay_signature} or emits `payment.failed` with Razorpay's error object.
 */

/** What the checkout needs of the fake Razorpay. */
export interface CheckoutBackend {
  readonly url: string;
  readonly keyId: string;
  readonly orders: ReadonlyMap<string, FakeOrder>;
  pay(orderId: string, options: { fail?: boolean; method?: string }): Signed;
}

export const CHECKOUT_SCRIPT_PATH = '/v1/checkout.js';
const PAGE_PATH = '/v1/checkout/page';
const PAY_PATH = '/v1/checkout/pay';

export function isCheckoutPath(path: string): boolean {
  return path === CHECKOUT_SCRIPT_PATH || path === PAGE_PATH || path === PAY_PATH;
}

/** Answers a request for the checkout's script, its page or its payment; `raw` is the body. */
export function serveCheckout(
  fake: CheckoutBackend,
  req: IncomingMessage,
  res: ServerResponse,
  raw: string,
): void {
  const url = new URL(req.url ?? '/', fake.url);
  const path = url.pathname;
  if (req.method === 'GET' && path === CHECKOUT_SCRIPT_PATH) {
    return send(res, 200, 'application/javascript; charset=utf-8', checkoutScript(fake.url));
  }
  if (req.method === 'GET' && path === PAGE_PATH) {
    return send(res, 200, 'text/html; charset=utf-8', checkoutPage(fake, url.searchParams));
  }
  if (req.method === 'POST' && path === PAY_PATH) return payOrder(fake, res, raw);
  send(res, 405, 'text/plain', 'Method not allowed');
}

interface PayRequest {
  key?: string;
  order_id?: string;
  method?: string;
  outcome?: 'captured' | 'failed';
}

function payOrder(fake: CheckoutBackend, res: ServerResponse, raw: string): void {
  const body = JSON.parse(raw || '{}') as PayRequest;
  const order = body.order_id ? fake.orders.get(body.order_id) : undefined;
  if (body.key !== fake.keyId || !order) {
    return sendJson(res, 400, checkoutError('The key or order id is not valid', body.order_id));
  }
  if (order.status === 'paid') {
    return sendJson(res, 400, checkoutError('This order is already paid', order.id));
  }
  const method = body.method === 'card' ? 'card' : 'upi';
  const signed = fake.pay(order.id, { fail: body.outcome === 'failed', method });
  if (body.outcome === 'failed') {
    return sendJson(
      res,
      402,
      checkoutError('Payment failed', order.id, signed.razorpay_payment_id, 'payment_failed'),
    );
  }
  sendJson(res, 200, signed);
}

/** Razorpay's error object, as `payment.failed` hands it to the site. */
function checkoutError(description: string, orderId?: string, paymentId?: string, reason = 'NA') {
  return {
    error: {
      code: 'BAD_REQUEST_ERROR',
      description,
      source: 'customer',
      step: 'payment_authorization',
      reason,
      metadata: { order_id: orderId ?? null, payment_id: paymentId ?? null },
    },
  };
}

/** The script the site loads; the fake's origin is written in, as the real one knows its own. */
function checkoutScript(origin: string): string {
  return `(function () {
  'use strict';
  var ORIGIN = ${JSON.stringify(origin)};
  function Razorpay(options) {
    if (!(this instanceof Razorpay)) return new Razorpay(options);
    if (!options || !options.key) throw new Error('Razorpay: the key option is required');
    this.options = options;
    this.listeners = {};
    this.overlay = null;
    this.onMessage = this.onMessage.bind(this);
  }
  Razorpay.prototype.on = function (event, callback) {
    (this.listeners[event] = this.listeners[event] || []).push(callback);
    return this;
  };
  Razorpay.prototype.emit = function (event, payload) {
    (this.listeners[event] || []).forEach(function (cb) { cb(payload); });
  };
  Razorpay.prototype.open = function () {
    if (this.overlay) return;
    var o = this.options;
    var prefill = o.prefill || {};
    var params = new URLSearchParams({
      key: o.key,
      order_id: o.order_id || '',
      amount: String(o.amount || ''),
      currency: o.currency || 'INR',
      name: o.name || '',
      description: o.description || '',
      contact: prefill.contact || '',
      email: prefill.email || '',
      prefill_name: prefill.name || '',
      sequence: JSON.stringify(((o.config || {}).display || {}).sequence || []),
      blocks: JSON.stringify(((o.config || {}).display || {}).blocks || {})
    });
    var overlay = document.createElement('div');
    overlay.setAttribute('data-fake-razorpay', '');
    overlay.style.cssText = 'position:fixed;inset:0;z-index:2147483647;background:rgba(0,0,0,.6);' +
      'display:flex;align-items:center;justify-content:center';
    var frame = document.createElement('iframe');
    frame.title = 'Razorpay Checkout';
    frame.src = ORIGIN + '${PAGE_PATH}?' + params.toString();
    frame.style.cssText = 'width:min(420px,100vw);height:min(620px,100vh);border:0;background:#fff';
    overlay.appendChild(frame);
    document.body.appendChild(overlay);
    this.overlay = overlay;
    this.frame = frame;
    window.addEventListener('message', this.onMessage);
  };
  Razorpay.prototype.close = function () {
    if (!this.overlay) return;
    window.removeEventListener('message', this.onMessage);
    this.overlay.remove();
    this.overlay = null;
  };
  Razorpay.prototype.onMessage = function (event) {
    if (event.origin !== ORIGIN || !this.frame || event.source !== this.frame.contentWindow) return;
    var data = event.data || {};
    if (data.type === 'payment.success') {
      this.close();
      if (typeof this.options.handler === 'function') this.options.handler(data.response);
    } else if (data.type === 'payment.failed') {
      this.emit('payment.failed', data.response);
    } else if (data.type === 'dismiss') {
      this.close();
      var modal = this.options.modal || {};
      if (typeof modal.ondismiss === 'function') modal.ondismiss();
    }
  };
  window.Razorpay = Razorpay;
})();
`;
}

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

/** The methods in the order the site's `config.display` asks for; the rest after. */
function methodOrder(params: URLSearchParams): Array<'upi' | 'card'> {
  const methods = new Set<'upi' | 'card'>();
  const blocks = JSON.parse(params.get('blocks') || '{}') as Record<
    string,
    { instruments?: Array<{ method?: string }> }
  >;
  for (const entry of JSON.parse(params.get('sequence') || '[]') as string[]) {
    const named = entry.startsWith('block.')
      ? (blocks[entry.slice(6)]?.instruments ?? []).map((i) => i.method)
      : [entry];
    for (const method of named) if (method === 'upi' || method === 'card') methods.add(method);
  }
  methods.add('card').add('upi');
  return [...methods];
}

function checkoutPage(fake: CheckoutBackend, params: URLSearchParams): string {
  const order = fake.orders.get(params.get('order_id') ?? '');
  const problem =
    params.get('key') !== fake.keyId
      ? 'The key is not valid.'
      : !order
        ? 'The order id is not valid.'
        : params.get('amount') && Number(params.get('amount')) !== order.amount
          ? 'The amount does not match the order.'
          : null;
  const amount = order ? `₹${(order.amount / 100).toFixed(2)}` : '';
  const label = { upi: 'Pay with UPI', card: 'Pay with card' };
  const buttons = methodOrder(params)
    .map((m) => `<button type="button" class="pay" data-method="${m}">${label[m]}</button>`)
    .join('\n');
  const config = JSON.stringify({ key: params.get('key'), order_id: order?.id ?? '' }).replace(
    /</g,
    '\\u003c',
  );
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Razorpay Checkout (test)</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font:18px/1.4 system-ui,sans-serif;margin:0;padding:16px;color:#1b1b1b}
header{display:flex;justify-content:space-between;align-items:start;gap:8px}
h1{font-size:20px;margin:0}
button{display:block;width:100%;min-height:48px;margin:10px 0;font-size:18px;border-radius:8px;
border:2px solid #0b3d91;background:#fff;color:#0b3d91;cursor:pointer}
button.pay{background:#0b3d91;color:#fff}
#close{width:auto;padding:0 14px;margin:0}
#status{min-height:1.4em;font-weight:700}
.test{font-size:14px;color:#555}
</style></head>
<body>
<header><div><h1>${escapeHtml(params.get('name') ?? '')}</h1>
<p>${escapeHtml(params.get('description') ?? '')}</p></div>
<button type="button" id="close" aria-label="Close">✕</button></header>
<p class="test">Test checkout: no money moves.</p>
${
  problem
    ? `<p id="status" role="alert">${escapeHtml(problem)}</p>`
    : `<p>Amount: <strong id="amount">${amount}</strong></p>
<p>Phone: ${escapeHtml(params.get('contact') ?? '')}</p>
${buttons}
<button type="button" id="fail">Fail payment</button>
<p id="status" role="status"></p>`
}
<script>
(function () {
  var config = ${config};
  function tell(message) { window.parent.postMessage(message, '*'); }
  document.getElementById('close').addEventListener('click', function () { tell({ type: 'dismiss' }); });
  function pay(method, outcome) {
    var status = document.getElementById('status');
    status.textContent = 'Processing…';
    fetch('${PAY_PATH}', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ key: config.key, order_id: config.order_id, method: method, outcome: outcome })
    }).then(function (r) { return r.json().then(function (body) { return { ok: r.ok, body: body }; }); })
      .then(function (answer) {
        if (answer.ok) { status.textContent = 'Paid'; tell({ type: 'payment.success', response: answer.body }); }
        else { status.textContent = 'Payment failed. You can try again.'; tell({ type: 'payment.failed', response: answer.body }); }
      });
  }
  document.querySelectorAll('button.pay').forEach(function (b) {
    b.addEventListener('click', function () { pay(b.getAttribute('data-method'), 'captured'); });
  });
  var fail = document.getElementById('fail');
  if (fail) fail.addEventListener('click', function () { pay('upi', 'failed'); });
})();
</script>
</body></html>`;
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  send(res, status, 'application/json', JSON.stringify(body));
}
