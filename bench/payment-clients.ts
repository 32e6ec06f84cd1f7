/**
 * The devotees of the flash sale with online payment (payment-sale.ts): each holds a place
 * through the API, pays on the fake Razorpay as Checkout would, and has the site post the
 * signed result to the API's verify route.
 */
import { performance } from 'node:perf_hooks';
import { randomInt } from 'node:crypto';
import { Agent, request } from 'undici';
import type { FakeRazorpay } from '@sevabook/api/testing/fake-razorpay';
import { devoteeNameFor } from './flash-sale.ts';

/** Epoch milliseconds with a fraction: comparable with the API's instants and the sampler's. */
export const epochNow = () => performance.timeOrigin + performance.now();

export interface Devotee {
  devoteeName: string;
  phone: string;
}

/** `count` devotees with phone numbers unique within the run (one place per phone per slot). */
export function devotees(count: number, from = 0): Devotee[] {
  const prefix = `+919${String(randomInt(100, 1000))}`;
  return Array.from({ length: count }, (_, k) => ({
    devoteeName: devoteeNameFor(from + k),
    phone: `${prefix}${String(from + k).padStart(6, '0')}`,
  }));
}

export interface HoldAttempt {
  devotee: Devotee;
  status: number;
  /** The problem's code when refused (slot_full, …). */
  code: string | undefined;
  ms: number;
  /** Epoch ms of the answer. */
  answeredAt: number;
  hold: Hold | undefined;
}

export interface Hold {
  reference: string;
  manageToken: string;
  /** Undefined when the API held the place but could not make the order in time. */
  orderId: string | undefined;
  /** Epoch ms. */
  expiresAt: number;
  bookingStatus: string;
}

interface CreatedBody {
  reference?: string;
  status?: string;
  manageToken?: string;
  holdExpiresAt?: string;
  razorpay?: { orderId?: string };
  code?: string;
}

/** One keep-alive connection per devotee, opened on the booking page (its slot read). */
export async function openConnections(url: string, slotId: number, count: number): Promise<Agent> {
  const agent = new Agent({ connections: count, pipelining: 1, keepAliveTimeout: 60_000 });
  await Promise.all(
    Array.from({ length: count }, () =>
      request(`${url}/api/v1/slots/${slotId}`, { dispatcher: agent }).then((r) => r.body.dump()),
    ),
  );
  return agent;
}

/** A devotee asks for a place: 201 pending_payment with a Razorpay order, or a problem. */
export async function hold(
  agent: Agent,
  url: string,
  slotId: number,
  devotee: Devotee,
): Promise<HoldAttempt> {
  const t0 = performance.now();
  try {
    const response = await request(`${url}/api/v1/bookings`, {
      method: 'POST',
      dispatcher: agent,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ slotId, ...devotee, persons: 1 }),
    });
    const body = (await response.body.json()) as CreatedBody;
    const ms = performance.now() - t0;
    const orderId = body.razorpay?.orderId;
    const held =
      response.statusCode === 201 && body.reference && body.manageToken
        ? {
            reference: body.reference,
            manageToken: body.manageToken,
            orderId,
            expiresAt: Date.parse(body.holdExpiresAt ?? ''),
            bookingStatus: body.status ?? '',
          }
        : undefined;
    return {
      devotee,
      status: response.statusCode,
      code: body.code,
      ms,
      answeredAt: epochNow(),
      hold: held,
    };
  } catch {
    return {
      devotee,
      status: -1,
      code: undefined,
      ms: performance.now() - t0,
      answeredAt: epochNow(),
      hold: undefined,
    };
  }
}

export interface Verification {
  hold: Hold;
  status: number;
  /** The problem's code when refused. */
  code: string | undefined;
  bookingStatus: string | undefined;
  /** The verify request alone, ms. */
  ms: number;
  sentAt: number;
  answeredAt: number;
}

/** Pays the hold's order on the fake Razorpay, then posts the signed result to the API. */
export async function payAndVerify(
  agent: Agent,
  url: string,
  razorpay: FakeRazorpay,
  held: Hold,
): Promise<Verification> {
  let sentAt = epochNow();
  let t0 = performance.now();
  try {
    // The site asks for the order again when the booking's answer came without one.
    const signed = razorpay.pay(held.orderId ?? (await orderOf(agent, url, held)));
    sentAt = epochNow();
    t0 = performance.now();
    const response = await request(
      `${url}/api/v1/bookings/${held.reference}/payments/razorpay/verify`,
      {
        method: 'POST',
        dispatcher: agent,
        headers: { 'content-type': 'application/json', 'x-booking-token': held.manageToken },
        body: JSON.stringify(signed),
      },
    );
    const body = (await response.body.json()) as { status?: string; code?: string };
    return {
      hold: held,
      status: response.statusCode,
      code: body.code,
      bookingStatus: body.status,
      ms: performance.now() - t0,
      sentAt,
      answeredAt: epochNow(),
    };
  } catch {
    return {
      hold: held,
      status: -1,
      code: undefined,
      bookingStatus: undefined,
      ms: performance.now() - t0,
      sentAt,
      answeredAt: epochNow(),
    };
  }
}

async function orderOf(agent: Agent, url: string, held: Hold): Promise<string> {
  const response = await request(
    `${url}/api/v1/bookings/${held.reference}/payments/razorpay/order`,
    { method: 'POST', dispatcher: agent, headers: { 'x-booking-token': held.manageToken } },
  );
  const body = (await response.body.json()) as { orderId?: string };
  if (!body.orderId) throw new Error(`No order for ${held.reference}: ${response.statusCode}`);
  return body.orderId;
}

/**
 * The second wave: devotees who watch the booking page (its slot read every `pollMs`) and, each
 * time it shows a free place, all those still without one ask for it, until `wanted` places are
 * held or `deadline` (epoch ms) passes.
 */
export async function resale(
  agent: Agent,
  url: string,
  slotId: number,
  wave: Devotee[],
  wanted: number,
  deadline: number,
  pollMs = 10,
): Promise<{ attempts: HoldAttempt[]; firstSeenFreeAt: number | undefined }> {
  const attempts: HoldAttempt[] = [];
  const waiting = new Set(wave);
  const inFlight = new Set<Promise<void>>();
  let held = 0;
  let firstSeenFreeAt: number | undefined;
  while (held < wanted && epochNow() < deadline) {
    const page = await request(`${url}/api/v1/slots/${slotId}`, { dispatcher: agent });
    const { remaining } = (await page.body.json()) as { remaining: number };
    if (remaining > 0) {
      firstSeenFreeAt ??= epochNow();
      for (const devotee of waiting) {
        waiting.delete(devotee);
        const attempt = hold(agent, url, slotId, devotee).then((a) => {
          attempts.push(a);
          if (a.hold) held++;
          else waiting.add(devotee);
        });
        inFlight.add(attempt);
        void attempt.finally(() => inFlight.delete(attempt));
      }
    }
    await new Promise((r) => setTimeout(r, pollMs));
  }
  await Promise.all(inFlight);
  return { attempts, firstSeenFreeAt };
}

/** How many answers of each kind: {"201": 500, "409 slot_full": 500}. */
export function answers(list: { status: number; code: string | undefined }[]): string {
  const counts = new Map<string, number>();
  for (const { status, code } of list) {
    const key = status === -1 ? 'no answer' : code ? `${status} ${code}` : String(status);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([key, n]) => `${key}: ${n}`).join(', ');
}
