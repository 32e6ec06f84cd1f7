import { expect, test } from '@playwright/test';
import { chooseSlot, placesOf } from '../support/booking-steps.ts';
import { settle } from '../support/page-checks.ts';
import { bookViaApi, findBookableSlot, uniquePhone } from '../support/temple-api.ts';

test.describe('live places', () => {
  test('a second devotee sees the places drop as soon as the first one books', async ({
    browser,
    request,
  }) => {
    const { seva, slot } = await findBookableSlot(request, {
      minRemaining: 3,
      seva: (s) => s.maxPersonsPerBooking >= 2,
    });
    const watcherContext = await browser.newContext({ viewport: { width: 360, height: 640 } });
    const bookerContext = await browser.newContext({ viewport: { width: 360, height: 640 } });
    const watcher = await watcherContext.newPage();
    const booker = await bookerContext.newPage();

    await watcher.goto(`/sevas/${seva.id}?date=${slot.date}`);
    await settle(watcher);
    await expect(placesOf(watcher, slot)).toHaveText(`${slot.remaining} places left`);
    await expect(watcher.getByText('Places update live')).toBeVisible();

    await booker.goto(`/sevas/${seva.id}`);
    await chooseSlot(booker, slot);
    await settle(booker);
    await booker.getByLabel('Devotee’s name').fill('First Devotee');
    await booker.getByLabel('WhatsApp number').fill(uniquePhone());
    await booker.getByLabel('Number of persons').selectOption('2');
    await booker.getByRole('button', { name: 'Confirm booking' }).click();
    await expect(
      booker.getByRole('heading', { level: 1, name: 'Your seva is booked' }),
    ).toBeVisible();

    // No reload on the watcher's side: the stream brings the new number.
    await expect(placesOf(watcher, slot)).toHaveText(`${slot.remaining - 2} places left`);

    await watcherContext.close();
    await bookerContext.close();
  });

  test('after the connection drops and comes back, the places are right again', async ({
    page,
    context,
    request,
  }) => {
    const { seva, slot } = await findBookableSlot(request, { minRemaining: 3 });
    await page.goto(`/sevas/${seva.id}?date=${slot.date}`);
    await settle(page);
    await expect(page.getByText('Places update live')).toBeVisible();

    await context.setOffline(true);
    await expect(page.getByText(/No internet connection/)).toBeVisible();
    await bookViaApi(request, slot.id, { persons: 1, phone: uniquePhone() });
    await context.setOffline(false);

    await expect(page.getByText(/No internet connection/)).toBeHidden();
    await expect(placesOf(page, slot)).toHaveText(`${slot.remaining - 1} places left`, {
      timeout: 20_000,
    });
    await expect(page.getByText('Places update live')).toBeVisible({ timeout: 20_000 });
  });
});
