import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, saveViewportScreenshot } from '../support/page-checks.ts';
import { bookViaApi, findBookableSlot } from '../support/temple-api.ts';
import { signIn } from './admin-steps.ts';

/**
 * The gate: a booking checked in by its typed reference, as staff do for a QR that will not
 * scan. (The camera path decodes with the same ZXing reader that features/check-in's
 * qr-decoder.test.ts feeds a generated QR image.)
 */
async function typeReference(page: Page, reference: string) {
  await page.getByLabel('Booking reference').fill(reference.slice(3).toLowerCase());
  await page.getByRole('button', { name: 'Check in', exact: true }).click();
}

test('a booking is checked in at the gate, once, and the day view shows the arrival', async ({
  page,
  request,
}) => {
  test.setTimeout(180_000);
  const { slot } = await findBookableSlot(request, { minRemaining: 1 });
  const booking = await bookViaApi(request, slot.id, { devoteeName: 'Gate Devotee', persons: 2 });
  expect(booking.checkInCode).toMatch(new RegExp(`^${booking.reference}\\.[0-9A-F]{18}$`));

  await signIn(page);
  await page.goto('/admin/check-in');
  await expect(page.getByRole('heading', { name: 'Check-in at the gate' })).toBeVisible({
    timeout: 30_000,
  });
  await typeReference(page, booking.reference);

  const answer = page.getByTestId('check-in-answer');
  await expect(answer).toBeVisible();
  // A slot on another day is amber, with the right one; staff let them in anyway.
  if ((await answer.getAttribute('data-tone')) === 'amber') {
    await expect(answer).toContainText('Wrong day or time');
    await expect(answer).toContainText(`at ${slot.time}`);
    await saveViewportScreenshot(page, 'admin-check-in-wrong-slot');
    await answer.getByRole('button', { name: 'Check in anyway' }).click();
  }
  await expect(answer).toHaveAttribute('data-tone', 'green');
  await expect(answer).toContainText('Welcome');
  await expect(answer).toContainText('Gate Devotee');
  await expect(answer).toContainText('2 persons');
  await saveViewportScreenshot(page, 'admin-check-in-green');
  // Ready for the next devotee without a tap.
  await expect(answer).toBeHidden({ timeout: 5_000 });

  await typeReference(page, booking.reference);
  await expect(answer).toHaveAttribute('data-tone', 'amber');
  await expect(answer).toContainText('Already checked in at');
  await saveViewportScreenshot(page, 'admin-check-in-amber');
  await expect(answer).toBeHidden({ timeout: 5_000 });

  await typeReference(page, 'SB-333333');
  await expect(answer).toHaveAttribute('data-tone', 'red');
  await expect(answer).toContainText('No such booking');
  await expect(answer).toBeHidden({ timeout: 5_000 });

  await page.goto(`/admin/day?date=${slot.date}&slot=${slot.id}`);
  const row = page.getByTestId('booking-row').filter({ hasText: booking.reference });
  await expect(row.getByTestId('arrived')).toContainText('Arrived');
});

for (const [width, height] of [
  [360, 640],
  [1280, 800],
] as const) {
  test(`the gate page reads at ${width}x${height} and at 200% text`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width, height });
    await signIn(page);
    await page.goto('/admin/check-in');
    await expect(page.getByLabel('Booking reference')).toBeVisible({ timeout: 30_000 });
    await expectAccessible(page, 'check-in page');
    await saveViewportScreenshot(page, 'admin-check-in');
    await page.addStyleTag({ content: 'html { font-size: 200% !important; }' });
    await saveViewportScreenshot(page, 'admin-check-in-200pct');
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
  });
}
