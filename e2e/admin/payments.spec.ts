import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import type { AdminBookingPage, Collections, Seva } from '@sevabook/shared';
import { expectAccessible, saveScreenshot, settle } from '../support/page-checks.ts';
import {
  addDays,
  bookViaApi,
  findBookableSlot,
  sevas,
  slotsOf,
  uniquePhone,
} from '../support/temple-api.ts';
import { adminHeaders, bookingRow, openDay, signIn } from './admin-steps.ts';

/**
 * Money at the counter: a walk-in booked and paid in cash in one go, a booking paid from the day
 * view by keyboard, and the day's collections on screen and on paper.
 */
// Serial: the collections test counts the receipts the first two take. A busy machine gets time.
test.describe.configure({ mode: 'serial', timeout: 120_000 });

/** A seva with a fee that is paid at the counter, as the demo temple's are. */
const paidAtCounter = (s: Seva) => s.feePaise > 0 && s.paymentMode === 'counter';

const receiptNumber = /^[A-Z0-9-]+\/\d{4}-\d{2}\/\d{6}$/;
const rupees = (paise: number) =>
  new Intl.NumberFormat('en-IN', {
    style: 'currency',
    currency: 'INR',
    minimumFractionDigits: paise % 100 === 0 ? 0 : 2,
  }).format(paise / 100);

async function bookingByReference(request: APIRequestContext, reference: string) {
  const response = await request.get(`/api/v1/admin/bookings?q=${reference}`, {
    headers: await adminHeaders(request),
  });
  const page = (await response.json()) as AdminBookingPage;
  const found = page.items.find((b) => b.reference === reference);
  if (!found) throw new Error(`No booking ${reference}`);
  return found;
}

/** The slot's time as the counter form lists it, e.g. "7:00 am". */
function timeLabel(time: string): string {
  const [h, m] = time.split(':').map(Number) as [number, number];
  return new Intl.DateTimeFormat('en-IN', {
    hour: 'numeric',
    minute: '2-digit',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(2000, 0, 1, h, m)));
}

async function phoneShot(page: Page, name: string): Promise<void> {
  const size = page.viewportSize();
  await page.setViewportSize({ width: 360, height: 640 });
  await settle(page);
  await saveScreenshot(page, name);
  if (size) await page.setViewportSize(size);
}

const taken: string[] = [];

test('a walk-in is booked and paid in cash in one go at the counter', async ({ page, request }) => {
  const { seva, slot } = await findBookableSlot(request, { seva: paidAtCounter });
  await signIn(page);
  await page.goto(`/admin/counter?date=${slot.date}`);
  const keys = page.keyboard;
  // The first screen after the server starts can wait on a busy machine; later ones do not.
  await expect(page.getByRole('combobox', { name: 'Seva' })).toBeFocused({ timeout: 30_000 });
  await keys.type(seva.name.en);
  await keys.press('Tab');
  await keys.press('Tab');
  await expect(page.getByRole('combobox', { name: 'Time' })).toHaveValue(/free/);
  await keys.type(timeLabel(slot.time));
  await keys.press('Tab');
  await keys.type('Cash Walk-in');
  await keys.press('Tab');
  await keys.type(uniquePhone());
  // Cash is already chosen under "Paid now": nothing to do but book.
  await expect(page.getByRole('radio', { name: 'Cash' })).toBeChecked();
  await expect(page.getByText(`The devotee pays ${rupees(seva.feePaise)} now`)).toBeVisible();
  await saveScreenshot(page, 'admin-payments-counter-form');
  await keys.press('Control+Enter');

  const receipt = page.getByTestId('receipt');
  await expect(receipt).toBeVisible();
  await expect(page.getByTestId('receipt-paid')).toHaveText(`Paid ${rupees(seva.feePaise)} · Cash`);
  const number = (await page.getByTestId('receipt-number').textContent())!.replace(
    'Receipt no. ',
    '',
  );
  expect(number).toMatch(receiptNumber);
  const reference = (await page.getByTestId('receipt-reference').textContent())!;
  taken.push(reference);

  const booking = await bookingByReference(request, reference);
  expect(booking.status).toBe('confirmed');
  expect(booking.payment).toMatchObject({
    method: 'cash',
    amountPaise: seva.feePaise,
    receiptNumber: number,
    status: 'captured',
  });
  await saveScreenshot(page, 'admin-payments-counter-paid');
});

test('a booking is marked paid from the day view with the keyboard, and its receipt prints on A5', async ({
  page,
  request,
}) => {
  const { seva, slot } = await findBookableSlot(request, { seva: paidAtCounter });
  const created = await bookViaApi(request, slot.id, { devoteeName: 'Day View Payer' });
  taken.push(created.reference);
  await signIn(page);
  await openDay(page, slot.date, slot.id);

  const row = bookingRow(page, slot.id, created.reference);
  await expect(row.getByTestId('payment-status')).toHaveText(`Unpaid ${rupees(created.feePaise)}`);
  await saveScreenshot(page, 'admin-payments-day-unpaid');
  const take = row.getByRole('button', {
    name: `Take ${rupees(created.feePaise)} for ${created.reference}`,
  });
  await take.focus();
  await page.keyboard.press('Enter');
  const cash = page.getByRole('button', { name: `Paid in cash ${rupees(created.feePaise)}` });
  await expect(cash).toBeFocused();
  await saveScreenshot(page, 'admin-payments-take-payment');
  await page.keyboard.press('Enter'); // the one keystroke of the usual case

  await expect(row.getByTestId('payment-status')).toHaveAttribute('data-state', 'paid');
  await expect(row.getByTestId('payment-status')).toContainText(
    `Paid ${rupees(created.feePaise)} · Cash`,
  );
  const number = (await row.getByTestId('receipt-number').textContent())!;
  expect(number).toMatch(receiptNumber);
  const booking = await bookingByReference(request, created.reference);
  expect(booking.payment).toMatchObject({ method: 'cash', receiptNumber: number });
  expect(seva.feePaise).toBeGreaterThan(0);

  // Cancelling it now says what the policy gives back, before anything is done.
  const cancel = row.getByRole('button', { name: `Cancel booking ${created.reference}` });
  await cancel.click();
  await expect(page.getByTestId('refund-note')).toBeVisible();
  await saveScreenshot(page, 'admin-payments-cancel-note');
  await cancel.click(); // closes it again, cancelling nothing
  await expect(page.getByTestId('refund-note')).toBeHidden();

  await row.getByRole('link', { name: `Receipt ${number}` }).click();
  const a5 = page.getByTestId('payment-receipt');
  await expect(a5).toBeVisible();
  await expect(page.getByTestId('payment-receipt-number')).toHaveText(number);
  await expect(a5).toContainText('Day View Payer');
  // The receipt alone: the toast that said the payment was recorded has gone by then.
  await expect(page.locator('.mantine-Notification-root')).toHaveCount(0, { timeout: 15_000 });
  await expectAccessible(page, 'payment receipt');
  await saveScreenshot(page, 'admin-payments-receipt');
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: 'Print' })).toBeHidden();
  await expect(a5).toBeVisible();
  await saveScreenshot(page, 'admin-payments-receipt-print');
  await page.emulateMedia({ media: 'screen' });
});

test('the day’s collections show the totals and the receipts, and print as the hand-over sheet', async ({
  page,
  request,
}) => {
  expect(taken).toHaveLength(2);
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Kolkata' }).format(new Date());
  const response = await request.get(`/api/v1/admin/collections?from=${today}&to=${today}`, {
    headers: await adminHeaders(request),
  });
  const expected = (await response.json()) as Collections;

  await signIn(page);
  await page.goto('/admin/collections');
  await expect(page.getByRole('heading', { level: 1, name: 'Collections' })).toBeVisible();
  await settle(page);
  await expect(page.getByTestId('total-received')).toHaveText(rupees(expected.receivedPaise));
  await expect(page.getByTestId('method-cash')).toHaveText(rupees(expected.byMethod.cash));
  expect(expected.byMethod.cash).toBeGreaterThan(0);
  for (const reference of taken)
    await expect(
      page.locator(`[data-testid="collection-receipt"][data-reference="${reference}"]`),
    ).toBeVisible();
  await expect(page.getByTestId('clerk-row').first()).toBeVisible();
  await expect(page.getByTestId('reconciliation')).toBeVisible();
  await expectAccessible(page, 'collections');
  await saveScreenshot(page, 'admin-payments-collections');
  await phoneShot(page, 'admin-payments-collections');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download CSV' }).click();
  expect((await download).suggestedFilename()).toBe(`collections-${today}.csv`);

  // On paper: the temple, the date, who printed it, the totals and the signature lines; no
  // navigation, buttons or reconciliation.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('hand-over-header')).toBeVisible();
  await expect(page.getByTestId('hand-over-header')).toContainText('Printed');
  await expect(page.getByTestId('hand-over-signatures')).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Print' })).toBeHidden();
  await expect(page.getByTestId('reconciliation')).toBeHidden();
  await saveScreenshot(page, 'admin-payments-collections-print');
  await page.emulateMedia({ media: 'screen' });
});

/** A bookable slot of a counter-paid seva on or after `from`, with a refund policy of days. */
async function bookableSlotFrom(request: APIRequestContext, from: string) {
  for (const seva of (await sevas(request)).filter(
    (s) => paidAtCounter(s) && s.refundFullHoursBefore <= 72,
  )) {
    const found = (await slotsOf(request, seva.id, from, addDays(from, 20))).find(
      (s) => s.bookable && s.remaining >= 1,
    );
    if (found) return found;
  }
  throw new Error(`No bookable slot of a counter-paid seva from ${from}`);
}

/** Books through the devotee site's API and pays at the counter through the admin API. */
async function bookAndPayCash(request: APIRequestContext, slotId: number, devoteeName: string) {
  const created = await bookViaApi(request, slotId, { devoteeName });
  const { id } = await bookingByReference(request, created.reference);
  const paid = await request.post(`/api/v1/admin/bookings/${id}/payments`, {
    headers: await adminHeaders(request),
    data: { method: 'cash' },
  });
  expect(paid.status()).toBe(201);
  return { ...created, id };
}

test('cancelling a cash-paid booking at the counter says what to hand back, and records it', async ({
  page,
  request,
}) => {
  const { slot } = await findBookableSlot(request, { seva: paidAtCounter });
  const created = await bookAndPayCash(request, slot.id, 'Refund Devotee');
  const amount = rupees(created.feePaise);

  await signIn(page);
  await openDay(page, slot.date, slot.id);
  const row = bookingRow(page, slot.id, created.reference);
  await row.getByRole('button', { name: `Cancel booking ${created.reference}` }).click();
  const dialog = page.getByRole('dialog', { name: 'Reason' });
  const note = dialog.getByTestId('refund-note');
  await expect(note).toBeVisible();
  // Close to the seva the policy may give nothing back: the clerk refunds anyway here.
  const anyway = dialog.getByRole('checkbox', { name: `Refund ${amount} anyway` });
  if (await anyway.isVisible()) await anyway.check();
  await expect(note).toContainText(`Hand ${amount} back in cash to the devotee.`);
  await saveScreenshot(page, 'admin-payments-cancel-refund');
  await dialog.getByRole('button', { name: 'Devotee asked to cancel' }).click();
  await expect(page.getByText(`Hand ${amount} back in cash to the devotee now.`)).toBeVisible({
    timeout: 20_000,
  });

  // The clerk who cancels hands the cash back there and then: the refund is recorded as paid.
  const cancelled = await bookingByReference(request, created.reference);
  expect(cancelled.status).toBe('cancelled');
  expect(cancelled.refund).toMatchObject({ method: 'cash', status: 'processed' });
});

test('cash owed to a devotee who cancelled through their link is marked paid out from Refunds', async ({
  page,
  request,
}) => {
  // Far enough ahead that the seva's policy refunds a devotee's own cancellation.
  const inAWeek = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Kolkata' }).format(
    new Date(Date.now() + 7 * 86_400_000),
  );
  const slot = await bookableSlotFrom(request, inAWeek);
  const created = await bookAndPayCash(request, slot.id, 'Link Canceller');
  const cancelled = await request.post(`/api/v1/bookings/${created.reference}/cancel`, {
    headers: { 'X-Booking-Token': created.manageToken },
    data: {},
  });
  expect(cancelled.ok()).toBe(true);
  const amount = rupees(created.feePaise);

  await signIn(page);
  await page.goto('/admin/refunds');
  await expect(page.getByRole('heading', { level: 1, name: 'Refunds' })).toBeVisible();
  await settle(page);
  const due = page.locator(`[data-testid="refund-row"][data-reference="${created.reference}"]`);
  await expect(due).toContainText('Due in cash');
  await expectAccessible(page, 'refunds');
  await saveScreenshot(page, 'admin-payments-refunds');
  await phoneShot(page, 'admin-payments-refunds');
  await due
    .getByRole('button', { name: `Paid out ${amount} in cash for ${created.reference}` })
    .click();
  await expect(page.getByText(`${amount} paid out for ${created.reference}.`)).toBeVisible();
  await expect(due).toHaveCount(0);
  const settled = await bookingByReference(request, created.reference);
  expect(settled.refund).toMatchObject({ status: 'processed', method: 'cash' });
  expect(settled.refund?.recordedBy?.name).toBeTruthy();
});
