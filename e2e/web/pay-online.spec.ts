import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { withTestDatabase } from '../support/database.ts';
import {
  checkout,
  findOnlineSlot,
  holdViaApi,
  openCheckout,
  paymentStepOf,
  pdfPages,
} from '../support/online-payment.ts';
import {
  expectAccessible,
  expectPhoneFriendly,
  saveScreenshot,
  settle,
} from '../support/page-checks.ts';
import { uniquePhone } from '../support/temple-api.ts';
import { waitForMessageTo } from '../support/whatsapp.ts';

/**
 * A devotee pays a seva's offering online: booked, the places are held and the payment step
 * opens Razorpay's Checkout (the fake's page stands in for it) with UPI first; paid, the
 * confirmation shows the receipt, which prints on one A5 page; cancelled within the seva's
 * refund policy, the money goes back and the manage page says so.
 */

// Each test pays through the fake Checkout and waits on the API and the worker: give it room on
// a busy machine.
test.describe.configure({ timeout: 180_000 });
const afterPaying = { timeout: 30_000 };

const rupees = (paise: number) =>
  new Intl.NumberFormat('en-IN', {
    style: 'currency',
    currency: 'INR',
    minimumFractionDigits: 0,
  }).format(paise / 100);

test('a devotee pays online, gets the receipt, cancels within the policy and is refunded', async ({
  page,
  request,
}) => {
  // Far enough ahead to cancel within the refund policy (48 hours for the demo's Tulabhara).
  const { seva, slot } = await findOnlineSlot(request, { hoursAhead: 72 });
  expect(seva.refundFullHoursBefore).toBeLessThan(72);
  const amount = rupees(seva.feePaise);
  const phone = uniquePhone();

  await page.goto(`/sevas/${seva.id}/slots/${slot.id}/book`);
  // The run's first page: the built site may take a while to arrive on a busy machine.
  await expect(page.locator('form')).toBeVisible(afterPaying);
  await settle(page);
  await page.getByLabel('Devotee’s name').fill('Sharada Bhat');
  await page.getByLabel('WhatsApp number').fill(phone);
  if (seva.asks.nakshatra) await page.getByLabel('Nakshatra').selectOption('rohini');
  await expect(page.getByText(`To pay now, online: ${amount} for 1 person`)).toBeVisible();
  await expect(page.getByText(/Your places are held for you while you pay/)).toBeVisible();

  // The payment step is a page load of its own: its policy alone lets Checkout's script in.
  const document = page.waitForResponse(
    (r) =>
      r.request().resourceType() === 'document' && new URL(r.url()).pathname.startsWith('/pay/'),
  );
  await page.getByRole('button', { name: 'Continue to payment' }).click();
  const policy = (await document).headers()['content-security-policy'] ?? '';
  const fakeOrigin = process.env.E2E_FAKE_RAZORPAY_URL!;
  expect(policy).toMatch(new RegExp(`script-src 'self' ${fakeOrigin}(;|$)`));
  expect(policy).toContain(`frame-src ${fakeOrigin}`);

  await expect(page.getByRole('heading', { level: 1, name: 'Pay for your seva' })).toBeVisible();
  const reference = new URL(page.url()).pathname.split('/').pop()!;
  await expect(page.getByTestId('payment-amount')).toHaveText(amount);
  await expect(page.getByText(/Your places are held for you\. Pay by:/)).toBeVisible();
  await expect(page.getByTestId('hold-clock')).toHaveText(/^\d{1,2}:\d\d$/);
  await settle(page);
  await expectAccessible(page, 'payment step');
  await expectPhoneFriendly(page, 'payment step');
  await saveScreenshot(page, 'pay-step-en');

  // The places are held: the booking waits for its payment, counted against the slot.
  const held = await bookingRow(reference);
  expect(held).toMatchObject({ status: 'pending_payment', pays: 'online' });

  await page.getByRole('button', { name: `Pay ${amount} with UPI / card` }).click();
  const methods = checkout(page).getByRole('button', { name: /^Pay with/ });
  // UPI first, as the site asks Checkout to show it.
  await expect(methods.first()).toHaveText('Pay with UPI');
  await saveScreenshot(page, 'pay-checkout-open');
  await methods.first().click();

  await expect(page.getByRole('heading', { level: 1, name: 'Your seva is booked' })).toBeVisible(
    afterPaying,
  );
  await expect(page.getByText(`Paid: ${amount}. Thank you for your offering.`)).toBeVisible();
  const receiptNumber = (await page.getByTestId('receipt-number').textContent()) ?? '';
  expect(receiptNumber).toMatch(/\/\d{4}-\d\d\/\d{6}$/);
  await expect(page.getByTestId('receipt-amount')).toHaveText(amount);
  await expect(page.getByTestId('receipt-method')).toHaveText('Online (UPI or card)');
  await settle(page);
  await expectAccessible(page, 'confirmation with receipt');
  await saveScreenshot(page, 'pay-receipt-en');

  expect(await bookingRow(reference)).toMatchObject({
    status: 'confirmed',
    payment_status: 'captured',
    method: 'online',
    amount_paise: seva.feePaise,
  });
  // The WhatsApp confirmation carries the receipt number.
  await waitForMessageTo(phone, receiptNumber);

  // The receipt prints alone, on one A5 page.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('printable-receipt')).toBeVisible();
  await expect(page.getByTestId('printable-receipt')).toContainText(receiptNumber);
  await expect(page.getByTestId('printable-receipt')).toContainText('Sharada Bhat');
  await saveScreenshot(page, 'pay-receipt-print');
  // NOTE: page.pdf() prints with the media last emulated: print it before going back to screen.
  const pdf = await page.pdf({ preferCSSPageSize: true });
  await page.emulateMedia({ media: null });
  writeFileSync(fileURLToPath(new URL('../screenshots/pay-receipt.pdf', import.meta.url)), pdf);
  const pages = pdfPages(pdf);
  expect(pages.count).toBe(1);
  // A5 is 148 × 210 mm: 419.5 × 595.3 points.
  expect(Math.round(pages.width)).toBe(420);
  expect(Math.round(pages.height)).toBe(595);

  // The manage page shows the receipt and, before cancelling, what comes back.
  await page.getByRole('link', { name: 'See or cancel this booking' }).click();
  await expect(page.getByTestId('booking-status')).toHaveText('Confirmed');
  await expect(page.getByTestId('receipt-number')).toHaveText(receiptNumber);
  await expect(page.getByTestId('refund-policy')).toHaveText(
    /^Full refund if you cancel by: .+\. No refund after that\.$/,
  );
  await page.getByRole('button', { name: 'Cancel this booking' }).click();
  await expect(page.getByTestId('refund-on-cancel')).toHaveText(
    `You will get a full refund of ${amount}, to the UPI account or card you paid with.`,
  );
  await saveScreenshot(page, 'pay-cancel-refund-policy');
  await page.getByRole('button', { name: 'Yes, cancel it' }).click();
  await expect(page.getByTestId('booking-status')).toHaveText('Cancelled');
  await expect(page.getByTestId('refund')).toContainText(amount);

  // Razorpay processes the refund a moment later (the fake, through its webhook).
  await expect
    .poll(async () => (await refundRow(reference))?.status, { timeout: 20_000 })
    .toBe('processed');
  await page.reload();
  await expect(page.getByTestId('refund')).toContainText(
    `${amount} has been refunded to the UPI account or card you paid with.`,
  );
  await settle(page);
  await expectAccessible(page, 'manage with refund');
  await saveScreenshot(page, 'pay-refunded-en');
});

test('a failed payment says so, and paying again on the same booking succeeds', async ({
  page,
  request,
}) => {
  const { seva, slot } = await findOnlineSlot(request);
  const booking = await holdViaApi(request, slot.id);
  const amount = rupees(seva.feePaise);

  await page.goto(paymentStepOf(booking));
  await settle(page);

  // Closed without paying: nothing charged, pay now.
  await openCheckout(page);
  await checkout(page).getByRole('button', { name: 'Close' }).click();
  await expect(page.getByTestId('payment-problem')).toHaveText(
    'The payment window was closed before paying. Nothing was charged. You can pay now, while your places are held.',
  );

  // The bank refuses: a sentence, and the way to try again.
  await page.getByRole('button', { name: `Try again: pay ${amount}` }).click();
  await checkout(page).getByRole('button', { name: 'Fail payment' }).click();
  await expect(checkout(page).getByText('Payment failed. You can try again.')).toBeVisible();
  await checkout(page).getByRole('button', { name: 'Close' }).click();
  await expect(page.getByTestId('payment-problem')).toHaveText(
    /^The payment did not go through\. .*Please try again, or choose another UPI app or card\.$/,
  );
  await settle(page);
  await expectAccessible(page, 'payment failed');
  await saveScreenshot(page, 'pay-failed-en');
  expect((await bookingRow(booking.reference))?.status).toBe('pending_payment');

  await page.getByRole('button', { name: `Try again: pay ${amount}` }).click();
  await checkout(page).getByRole('button', { name: 'Pay with card' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your seva is booked' })).toBeVisible(
    afterPaying,
  );
  await expect(page.getByTestId('receipt-amount')).toHaveText(amount);
  expect(await bookingRow(booking.reference)).toMatchObject({
    status: 'confirmed',
    payment_status: 'captured',
  });
});

test('once the hold has run out, the places are gone and the devotee is asked to book again', async ({
  page,
  request,
}) => {
  const { seva, slot } = await findOnlineSlot(request);
  const booking = await holdViaApi(request, slot.id);
  await withTestDatabase((c) =>
    c.query(
      'UPDATE booking SET hold_expires_at = DATE_SUB(UTC_TIMESTAMP(3), INTERVAL 1 SECOND) WHERE reference = ?',
      [booking.reference],
    ),
  );
  await page.goto(paymentStepOf(booking));
  await expect(
    page.getByText(/places were released for other devotees\. Please book again\./),
  ).toBeVisible();
  await expect(page.getByTestId('pay-button')).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Book again' })).toHaveAttribute(
    'href',
    `/sevas/${seva.id}`,
  );
  await saveScreenshot(page, 'pay-expired-en');
});

test('the manage page of a booking still to be paid offers "Pay now"', async ({
  page,
  request,
}) => {
  const { slot } = await findOnlineSlot(request);
  const booking = await holdViaApi(request, slot.id);
  await page.goto(`/manage/${booking.reference}?token=${booking.manageToken}`);
  await expect(page.getByTestId('booking-status')).toHaveText('Awaiting payment');
  await expect(page.getByTestId('pay-now-panel')).toContainText(
    /This booking is complete only once it is paid\. Pay by: .+/,
  );
  await settle(page);
  await expectAccessible(page, 'manage awaiting payment');
  await saveScreenshot(page, 'pay-manage-pending-en');
  await page.getByRole('link', { name: 'Pay now' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Pay for your seva' })).toBeVisible();
  await openCheckout(page);
});

for (const language of ['en', 'kn'] as const) {
  for (const large of [false, true]) {
    test(`the payment step and receipt in ${language}${large ? ' with text at 200 %' : ''}, on a phone and a desktop`, async ({
      page,
      request,
    }) => {
      await page.addInitScript(
        ({ l, big }) => {
          window.localStorage.setItem('sevabook.language', l);
          if (!big) return;
          document.addEventListener('DOMContentLoaded', () => {
            const style = document.createElement('style');
            style.textContent = 'html { font-size: 200% !important; }';
            document.head.append(style);
          });
        },
        { l: language, big: large },
      );
      const { slot } = await findOnlineSlot(request);
      const booking = await holdViaApi(request, slot.id, 'Sharada Bhat');
      const suffix = `${language}${large ? '-200' : ''}`;
      for (const viewport of [
        { width: 360, height: 640 },
        { width: 1280, height: 800 },
      ]) {
        await page.setViewportSize(viewport);
        await page.goto(paymentStepOf(booking));
        await expect(page.getByTestId('pay-button')).toBeEnabled();
        await settle(page);
        if (viewport.width === 360) await expectPhoneFriendly(page, `payment step ${suffix}`);
        await expectNoSidewaysScroll(page, `payment step ${suffix}`);
        await saveScreenshot(page, `pay-step-${suffix}`);
      }
      await page.getByTestId('pay-button').click();
      await checkout(page).getByRole('button', { name: 'Pay with UPI' }).click();
      await expect(page.getByTestId('receipt-number')).toBeVisible(afterPaying);
      for (const viewport of [
        { width: 1280, height: 800 },
        { width: 360, height: 640 },
      ]) {
        await page.setViewportSize(viewport);
        await settle(page);
        await expectNoSidewaysScroll(page, `receipt ${suffix}`);
        await saveScreenshot(page, `pay-receipt-${suffix}`);
      }
      if (language === 'kn') {
        await expect(page.getByText('ರಸೀದಿ ಸಂಖ್ಯೆ').first()).toBeVisible();
        await expect(page.getByTestId('receipt-method')).toHaveText('ಆನ್‌ಲೈನ್ (UPI ಅಥವಾ ಕಾರ್ಡ್)');
      }
    });
  }
}

async function expectNoSidewaysScroll(page: Page, label: string) {
  const beyond = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('#root *')]
      .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
      .map((el) => `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 30)}"`),
  );
  expect(beyond, `${label}: wider than the screen`).toEqual([]);
}

async function bookingRow(reference: string) {
  const rows = await withTestDatabase((c) =>
    c.query<Array<Record<string, unknown>>>(
      `SELECT b.status, b.pays, p.status AS payment_status, p.method, p.amount_paise
         FROM booking b LEFT JOIN payment p ON p.booking_id = b.id
        WHERE b.reference = ? ORDER BY p.id DESC LIMIT 1`,
      [reference],
    ),
  );
  return rows[0];
}

async function refundRow(reference: string) {
  const rows = await withTestDatabase((c) =>
    c.query<Array<{ status: string; amount_paise: number }>>(
      `SELECT r.status, r.amount_paise FROM refund r JOIN payment p ON p.id = r.payment_id
         JOIN booking b ON b.id = p.booking_id WHERE b.reference = ?`,
      [reference],
    ),
  );
  return rows[0];
}
