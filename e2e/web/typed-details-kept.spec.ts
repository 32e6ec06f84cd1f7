import { expect, test } from '@playwright/test';
import { openBookingForm } from '../support/booking-steps.ts';
import { withTestDatabase } from '../support/database.ts';
import { saveScreenshot, settle } from '../support/page-checks.ts';
import { bookViaApi, findBookableSlot, uniquePhone } from '../support/temple-api.ts';

/** Nothing a devotee typed is lost: not to a reload, not to back and forward, not to a full slot. */
test.describe('what a devotee typed', () => {
  test('survives a reload and going back and forward in the middle of the form', async ({
    page,
    request,
  }) => {
    const { seva, slot } = await findBookableSlot(request, {
      minRemaining: 3,
      seva: (s) => s.maxPersonsPerBooking >= 3,
    });
    await page.goto(`/sevas/${seva.id}`);
    await settle(page);
    await openBookingForm(page, seva, slot);
    await page.getByLabel('Devotee’s name').fill('Kamala Bai');
    await page.getByLabel('WhatsApp number').fill('98450 12345');
    await page.getByLabel('Number of persons').selectOption('3');

    await page.reload();
    await settle(page);
    await expect(page.getByLabel('Devotee’s name')).toHaveValue('Kamala Bai');
    await expect(page.getByLabel('Number of persons')).toHaveValue('3');

    await page.goBack();
    await settle(page);
    await page.goForward();
    await settle(page);
    await expect(page.getByLabel('Devotee’s name')).toHaveValue('Kamala Bai');
    await expect(page.getByLabel('WhatsApp number')).toHaveValue(/98450/);
    await expect(page.getByLabel('Number of persons')).toHaveValue('3');
  });

  test('carries the persons to another time when the slot fills, and back after booking shows the booking', async ({
    page,
    request,
  }) => {
    const { seva, slot } = await findBookableSlot(request, {
      minRemaining: 3,
      seva: (s) => s.maxPersonsPerBooking >= 3 && s.feePaise > 0,
    });
    await openBookingForm(page, seva, slot);
    await page.getByLabel('Devotee’s name').fill('Kamala Bai');
    await page.getByLabel('WhatsApp number').fill(uniquePhone());
    await page.getByLabel('Number of persons').selectOption('3');

    // Another devotee takes the last places while this one is typing.
    await withTestDatabase((c) =>
      c.query('UPDATE slot SET capacity = booked + 1 WHERE id = ?', [slot.id]),
    );
    await bookViaApi(request, slot.id);
    const alert = page.getByRole('alert').filter({ hasText: 'just taken' });
    await expect(alert).toBeVisible({ timeout: 20_000 });
    await alert.getByRole('link').first().click();

    await expect(page.getByLabel('Devotee’s name')).toHaveValue('Kamala Bai');
    await expect(page.getByLabel('Number of persons')).toHaveValue('3');
    const fee = (seva.feePaise * 3) / 100;
    await expect(page.getByText(`for 3 persons`)).toContainText(fee.toLocaleString('en-IN'));
    await saveScreenshot(page, 'flow-carried-persons');
    await page.getByRole('button', { name: 'Confirm booking' }).click();
    await expect(page.getByRole('heading', { name: 'Your seva is booked' })).toBeVisible();
    const reference = await page.getByTestId('booking-reference').textContent();

    await page.goBack();
    await settle(page);
    await expect(page.getByTestId('booking-reference')).toHaveText(reference ?? '');
    await expect(page.getByText('just taken')).toHaveCount(0);
  });
});
