import { expect, test } from '@playwright/test';
import { bookViaApi, findBookableSlot, slot as slotNow } from '../support/temple-api.ts';
import { saveViewportScreenshot } from '../support/page-checks.ts';
import { openDay, signIn, slotPanel } from './admin-steps.ts';

test('an admin adds places to a slot, then closes it, which cancels its bookings', async ({
  page,
  request,
}) => {
  const { slot } = await findBookableSlot(request, { minRemaining: 2 });
  const booking = await bookViaApi(request, slot.id, { devoteeName: 'Closed Slot Devotee' });
  await signIn(page);
  await openDay(page, slot.date, slot.id);
  const panel = slotPanel(page, slot.id);

  await panel.getByRole('button', { name: /^Slot settings for / }).click();
  let dialog = page.getByRole('dialog');
  await dialog.getByLabel('Places').fill(String(slot.capacity + 5));
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Slot saved; 0 bookings cancelled.')).toBeVisible();
  await expect(panel.getByTestId('capacity')).toHaveText(String(slot.capacity + 5));

  await panel.getByRole('button', { name: /^Slot settings for / }).click();
  dialog = page.getByRole('dialog');
  await dialog.getByText('Closed', { exact: true }).click();
  // The count comes before the click: bookings and devotees, and what each devotee is told.
  await expect(
    dialog.getByText(/^This cancels [1-9]\d* bookings?, of [1-9]\d* devotees?/),
  ).toBeVisible();
  await expect(dialog.getByText(/reopening later does not bring the bookings back/)).toBeVisible();
  const close = dialog.getByRole('button', { name: /^Close and cancel [1-9]\d* bookings?$/ });
  await expect(close).toBeDisabled(); // no reason yet
  await dialog.getByLabel('Reason, told to each devotee').fill('Priest unwell');
  await saveViewportScreenshot(page, 'admin-slot-close');
  await page.setViewportSize({ width: 360, height: 640 });
  await close.scrollIntoViewIfNeeded();
  await expect(close).toBeInViewport();
  await saveViewportScreenshot(page, 'admin-slot-close');
  await page.setViewportSize({ width: 1280, height: 800 });
  await close.click();
  await expect(page.getByText(/^Slot saved; [1-9]\d* bookings? cancelled\.$/)).toBeVisible();
  await expect(panel.getByText('Closed by the temple')).toBeVisible();
  await expect(panel.locator(`[data-reference="${booking.reference}"]`)).toHaveCount(0);
  expect((await slotNow(request, slot.id)).status).toBe('closed');
});
