/**
 * Razorpay's Checkout, as its script documents it: `new Razorpay(options).open()`, the signed
 * answer handed to `handler`, a failed attempt to `on('payment.failed')`, the window closed
 * without paying to `modal.ondismiss`. The script is loaded from Razorpay (PCI rules forbid
 * bundling it) and only on the payment step, the one page whose policy allows its origin.
 */

/** What Checkout hands `handler` once the devotee has paid. */
export interface CheckoutSuccess {
  razorpay_order_id: string;
  razorpay_payment_id: string;
  razorpay_signature: string;
}

/** What Checkout hands `payment.failed` listeners. */
export interface CheckoutFailure {
  error: {
    code: string;
    description: string;
    source?: string;
    step?: string;
    reason?: string;
    metadata?: { order_id?: string | null; payment_id?: string | null };
  };
}

interface CheckoutInstrument {
  method: string;
}

export interface CheckoutOptions {
  key: string;
  amount: number;
  currency: string;
  order_id: string;
  name: string;
  description: string;
  prefill?: { name?: string; email?: string; contact?: string };
  notes?: Record<string, string>;
  theme?: { color?: string };
  config?: {
    display: {
      blocks?: Record<string, { name: string; instruments: CheckoutInstrument[] }>;
      sequence?: string[];
      preferences?: { show_default_blocks?: boolean };
    };
  };
  handler: (response: CheckoutSuccess) => void;
  modal?: { ondismiss?: () => void; escape?: boolean; confirm_close?: boolean };
}

export interface RazorpayCheckout {
  open(): void;
  close?(): void;
  on(event: 'payment.failed', callback: (response: CheckoutFailure) => void): void;
}

type RazorpayConstructor = new (options: CheckoutOptions) => RazorpayCheckout;

declare global {
  interface Window {
    Razorpay?: RazorpayConstructor;
  }
}

const loading = new Map<string, Promise<RazorpayConstructor>>();

/** Loads Checkout's script once per address; a failed load may be tried again. */
export function loadCheckout(src: string): Promise<RazorpayConstructor> {
  const known = loading.get(src);
  if (known) return known;
  const loaded = new Promise<RazorpayConstructor>((resolve, reject) => {
    if (window.Razorpay) return resolve(window.Razorpay);
    const script = document.createElement('script');
    script.src = src;
    script.async = true;
    script.onload = () =>
      window.Razorpay ? resolve(window.Razorpay) : reject(new Error('Checkout did not load'));
    script.onerror = () => {
      script.remove();
      reject(new Error('Checkout could not be loaded'));
    };
    document.head.appendChild(script);
  });
  loading.set(src, loaded);
  loaded.catch(() => loading.delete(src));
  return loaded;
}

/**
 * UPI first: most devotees pay from a UPI app; a card and Checkout's other methods follow
 * (Razorpay's documented display configuration: a block, its place in the sequence, and the
 * default blocks after it).
 */
export function upiFirst(upiLabel: string): NonNullable<CheckoutOptions['config']> {
  return {
    display: {
      blocks: { upi: { name: upiLabel, instruments: [{ method: 'upi' }] } },
      sequence: ['block.upi'],
      preferences: { show_default_blocks: true },
    },
  };
}
