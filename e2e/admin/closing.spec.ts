import { expect, test } from '@playwright/test';
import { saveScreenshot, saveViewportScreenshot, settle } from '../support/page-checks.ts';
import {
  bookViaApi,
  findBookableSlot,
  slot as slotNow,
  uniquePhone,
} from '../support/temple-api.ts';
import { signIn } from './admin-steps.ts';

test('closing a date says first how many bookings and devotees it cancels; the month and the devotee site show it closed, with the reason', async ({
  page,
  request,
  browser,
}) => {
  const { seva, slot } = await findBookableSlot(request, { minRemaining: 3 });
  const phone = uniquePhone();
  // One devotee with two persons, another with one: 2 bookings of 2 devotees, 3 persons.
  await bookViaApi(request, slot.id, { devoteeName: 'Closing Devotee A', phone, persons: 2 });
  await bookViaApi(request, slot.id, { devoteeName: 'Closing Devotee B' });
  const reason = `Rathotsava ${Date.now() % 10_000}`;

  await signIn(page);
  await page.goto(`/admin/sevas/${seva.id}`);
  const form = page.getByRole('form', { name: 'Close date' });
  await form.getByLabel('Date').fill(slot.date);
  await form.getByLabel('Reason').fill(reason);
  await form.getByRole('button', { name: 'Close date' }).click();

  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId('closing-impact')).toContainText(
    /This cancels \d+ bookings, of \d+ devotees \(\d+ persons\)\./,
  );
  await expect(dialog).toContainText(`Reason told to devotees: “${reason}”`);
  await expect(dialog).toContainText('an apology and a link to book another date');
  await expect(dialog).toContainText('reopening later does not bring the bookings back');
  await settle(page);
  await saveViewportScreenshot(page, 'admin-close-date-confirm');
  expect((await slotNow(request, slot.id)).status).toBe('open'); // only asked so far

  await dialog.getByRole('button', { name: /^Close and cancel \d+ bookings$/ }).click();
  await expect(
    page.getByText(/^Closed .*: \d+ slots? and \d+ bookings cancelled\.$/),
  ).toBeVisible();
  expect((await slotNow(request, slot.id)).status).toBe('cancelled');
  await expect(
    page.getByText(/does not bring back the bookings cancelled when it closed/),
  ).toBeVisible();

  // The month shows the day as closed, naming the reason.
  await page.goto('/admin/calendar');
  await page.getByRole('button', { name: 'Month' }).click();
  const month = async () => (await page.locator('.fc-toolbar-title').textContent())?.trim() ?? '';
  const wanted = new Date(`${slot.date}T00:00:00Z`).toLocaleDateString('en-GB', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  for (let i = 0; i < 4 && (await month()) !== wanted; i++) {
    await page.getByRole('button', { name: 'Next ›' }).click();
  }
  const closedDay = page.locator(`td[data-date="${slot.date}"]`);
  await expect(closedDay).toContainText(`Closed (${seva.name.en}): ${reason}`);
  await settle(page);
  await saveScreenshot(page, 'admin-calendar-closed-day');

  // The devotee site names the reason on the seva's page, on a phone.
  const phoneContext = await browser.newContext({ viewport: { width: 360, height: 640 } });
  const devotee = await phoneContext.newPage();
  await devotee.goto(`/sevas/${seva.id}`);
  const notice = devotee.getByTestId('closed-dates');
  await expect(notice).toContainText(`closed: ${reason}`);
  await settle(devotee);
  await notice.scrollIntoViewIfNeeded();
  // The seed's festival reason is in both scripts: wait for the Kannada face it draws.
  await devotee.evaluate(async () => {
    await document.fonts.load('16px "Noto Sans Kannada"', 'ಆ');
    await document.fonts.ready;
  });
  await saveScreenshot(devotee, 'web-seva-closed-date');
  await devotee.setViewportSize({ width: 1280, height: 800 });
  await settle(devotee);
  await saveScreenshot(devotee, 'web-seva-closed-date');
  await phoneContext.close();
});

test('on a phone, the confirmation to close a date fits the screen', async ({ page, request }) => {
  const { seva } = await findBookableSlot(request, { minRemaining: 1 });
  await page.setViewportSize({ width: 360, height: 640 });
  await signIn(page);
  await page.goto(`/admin/sevas/${seva.id}`);
  const form = page.getByRole('form', { name: 'Close date' });
  await form.getByLabel('Reason').fill('Asked only, never closed');
  await form.getByRole('button', { name: 'Close date' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId('closing-impact')).toBeVisible();
  for (const button of await dialog.getByRole('button').all()) {
    const cut = await button.evaluate((el) => el.scrollWidth > el.clientWidth + 1);
    expect(cut, `${await button.textContent()} is cut`).toBe(false);
  }
  await settle(page);
  await saveViewportScreenshot(page, 'admin-close-date-confirm');
  await dialog.getByRole('button', { name: 'Keep it open' }).click();
  await expect(dialog).toBeHidden();
});
