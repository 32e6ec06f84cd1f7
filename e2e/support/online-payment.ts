import { expect, type APIRequestContext, type Page } from '@playwright/test';
import type { CreatedBooking, Seva, Slot } from '@sevabook/shared';
import { addDays, sevas, slotsOf, uniquePhone } from './temple-api.ts';

/**
 * Steps for the specs of paying online. The fake Razorpay's Checkout (RAZORPAY_CHECKOUT_URL,
 * started by global-setup.ts) opens over the site as an iframe titled "Razorpay Checkout",
 * with "Pay with UPI", "Pay with card", "Fail payment" and "Close".
 */

const takenByThisWorker = new Set<number>();

/**
 * A slot of a seva paid online, starting at least `hoursAhead` from now (inside its refund
 * window, say), that no other test of this worker has used.
 */
export async function findOnlineSlot(
  request: APIRequestContext,
  { hoursAhead = 0 }: { hoursAhead?: number } = {},
): Promise<{ seva: Seva; slot: Slot }> {
  for (const seva of await sevas(request)) {
    if (seva.paymentMode !== 'online_required' || seva.feePaise === 0) continue;
    const from = seva.nextOpenDates[0];
    if (!from) continue;
    const slot = (await slotsOf(request, seva.id, from, addDays(from, 40))).find(
      (s) =>
        s.bookable &&
        s.remaining > 0 &&
        !takenByThisWorker.has(s.id) &&
        Date.parse(s.startsAt) - Date.now() >= hoursAhead * 3_600_000,
    );
    if (slot) {
      takenByThisWorker.add(slot.id);
      return { seva, slot };
    }
  }
  throw new Error('The demo temple has no seva paid online with a slot to book');
}

/** Books a seva paid online through the API: the booking is held for its payment. */
export async function holdViaApi(
  request: APIRequestContext,
  slotId: number,
  devoteeName = 'Sharada Bhat',
): Promise<CreatedBooking & { holdExpiresAt: string | null }> {
  const response = await request.post('/api/v1/bookings', {
    data: { slotId, devoteeName, phone: uniquePhone(), persons: 1, language: 'en' },
  });
  expect(response.status(), await response.text()).toBe(201);
  const booking = (await response.json()) as CreatedBooking & { holdExpiresAt: string | null };
  expect(booking.status).toBe('pending_payment');
  return booking;
}

export const paymentStepOf = (booking: { reference: string; manageToken: string }) =>
  `/pay/${booking.reference}?token=${booking.manageToken}`;

/** The fake's Checkout, framed over the site. */
export const checkout = (page: Page) => page.frameLocator('iframe[title="Razorpay Checkout"]');

/** Presses the payment step's big button and waits for Checkout to be open. */
export async function openCheckout(page: Page): Promise<void> {
  await page.getByTestId('pay-button').click();
  await expect(checkout(page).getByRole('button', { name: 'Pay with UPI' })).toBeVisible();
}

/** Pages in a PDF, and the first one's size in points. */
export function pdfPages(pdf: Buffer): { count: number; width: number; height: number } {
  const text = pdf.toString('latin1');
  // The page tree's root counts every page: /Type /Pages … /Count n.
  const count = Number(/\/Type\s*\/Pages\b[^>]*?\/Count\s+(\d+)/.exec(text)?.[1] ?? 0);
  const box = /\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(text);
  return {
    count,
    width: box ? Number(box[3]) - Number(box[1]) : 0,
    height: box ? Number(box[4]) - Number(box[2]) : 0,
  };
}
