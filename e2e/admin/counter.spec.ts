import { expect, test } from '@playwright/test';
import { expectAccessible, saveScreenshot } from '../support/page-checks.ts';
import { findBookableSlot, slot as slotNow, uniquePhone } from '../support/temple-api.ts';
import { signIn } from './admin-steps.ts';

/** The slot's time as the counter form lists it, e.g. "7:00 am". */
function timeLabel(time: string): string {
  const [h, m] = time.split(':').map(Number) as [number, number];
  return new Intl.DateTimeFormat('en-IN', {
    hour: 'numeric',
    minute: '2-digit',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(2000, 0, 1, h, m)));
}

test('a walk-in is booked with the keyboard alone in under 20 seconds, and the receipt prints', async ({
  page,
  request,
}) => {
  const { seva, slot } = await findBookableSlot(request, {
    minRemaining: 2,
    seva: (s) => s.asks.gotra && s.asks.nakshatra && s.maxPersonsPerBooking >= 2,
  });
  const before = (await slotNow(request, slot.id)).remaining;
  await signIn(page);
  await page.goto(`/admin/counter?date=${slot.date}`);
  const sevaField = page.getByRole('combobox', { name: 'Seva' });
  await expect(sevaField).toBeFocused();

  const started = Date.now();
  const keys = page.keyboard;
  await keys.type(seva.name.en);
  await keys.press('Tab'); // the first matching seva is taken
  await keys.press('Tab'); // the date is already the slot's
  const timeField = page.getByRole('combobox', { name: 'Time' });
  await expect(timeField).toBeFocused();
  await expect(timeField).toHaveValue(/free/); // the seva's times have arrived
  await keys.type(timeLabel(slot.time));
  await keys.press('Tab');
  await keys.type('Walk-in Devotee');
  await keys.press('Tab');
  await keys.type(uniquePhone());
  await keys.press('Tab');
  await keys.press('Control+A');
  await keys.type('2');
  await keys.press('Tab');
  await keys.type('Kashyapa');
  await keys.press('Tab');
  await keys.type('Rohini');
  await keys.press('Tab');
  await keys.press('Control+Enter');

  const receipt = page.getByTestId('receipt');
  await expect(receipt).toBeVisible();
  expect(Date.now() - started).toBeLessThan(20_000);
  const reference = (await page.getByTestId('receipt-reference').textContent()) ?? '';
  expect(reference).toMatch(/^SB-[A-Z0-9]{6}$/);
  await expect(receipt).toContainText('Walk-in Devotee');
  await expect(receipt).toContainText('Kashyapa');
  await expect(receipt).toContainText('Rohini');
  await expect(receipt).toContainText(seva.name.kn);
  expect((await slotNow(request, slot.id)).remaining).toBe(before - 2);

  await expectAccessible(page, 'counter receipt');
  await saveScreenshot(page, 'admin-counter-receipt');
  // On paper only the slip remains: no header, no navigation, no buttons.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: 'Print receipt' })).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await expect(receipt).toBeVisible();
  await saveScreenshot(page, 'admin-counter-receipt-print');
  await page.emulateMedia({ media: 'screen' });

  // N starts the next booking, with the same seva already chosen.
  await page.getByRole('button', { name: 'New booking' }).click();
  await expect(page.getByRole('combobox', { name: 'Seva' })).toHaveValue(new RegExp(seva.name.en));
});

test('the counter form says what is missing in words', async ({ page }) => {
  await signIn(page);
  await page.goto('/admin/counter');
  await page.getByRole('button', { name: 'Book' }).click();
  await expect(page.getByText('Choose a seva')).toBeVisible();
  await expect(page.getByText('Enter the devotee’s name')).toBeVisible();
  await expect(page.getByText('Enter a phone number')).toBeVisible();
});
