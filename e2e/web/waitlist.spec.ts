import { expect, test, type Page } from '@playwright/test';
import { copyFileSync, mkdirSync } from 'node:fs';
import { withTestDatabase } from '../support/database.ts';
import { expectPhoneFriendly, saveScreenshot, settle } from '../support/page-checks.ts';
import { bookViaApi, findBookableSlot, pathOf, uniquePhone } from '../support/temple-api.ts';
import { waitForMessageTo } from '../support/whatsapp.ts';

const shots = process.env.WAITLIST_SHOTS;

/** A full-page screenshot, copied to a reviewer's folder too when one is named. */
async function shoot(page: Page, name: string): Promise<void> {
  await settle(page);
  await saveScreenshot(page, name);
  if (!shots) return;
  mkdirSync(shots, { recursive: true });
  const { width, height } = page.viewportSize()!;
  copyFileSync(
    new URL(`../screenshots/${name}-${width}x${height}.png`, import.meta.url),
    `${shots}/${name}-${width}x${height}.png`,
  );
}

/** The same page on a desktop and with the phone's text at 200 %, then back to the phone. */
async function shootEverySize(page: Page, name: string): Promise<void> {
  await shoot(page, name);
  await page.setViewportSize({ width: 1280, height: 800 });
  await shoot(page, name);
  await page.setViewportSize({ width: 360, height: 640 });
  const style = await page.addStyleTag({ content: 'html { font-size: 200% !important; }' });
  await shoot(page, `${name}-200pct`);
  await style.evaluate((node) => (node as Element).remove());
}

test.describe('The waiting list', () => {
  test('a devotee joins a full slot’s list, is offered the place a cancellation frees, and accepts it', async ({
    page,
    request,
  }) => {
    test.setTimeout(120_000);
    const { seva, slot } = await findBookableSlot(request, { minRemaining: 1 });
    // The slot with one place left, then taken: full.
    await withTestDatabase((c) =>
      c.query('UPDATE slot SET capacity = booked + 1 WHERE id = ?', [slot.id]),
    );
    const taken = await bookViaApi(request, slot.id, { persons: 1 });

    await page.goto(`/sevas/${seva.id}?date=${slot.date}`);
    await settle(page);
    const card = page.getByTestId(`slot-${slot.id}`);
    await expect(card.getByTestId('places')).toHaveText('Full — join the waiting list');
    await shoot(page, 'waitlist-full-slot-en');
    await card.getByRole('link', { name: 'Join the waiting list' }).click();

    await expect(page.getByRole('heading', { level: 1 })).toContainText('Waiting list');
    await shootEverySize(page, 'waitlist-join-en');
    const phone = uniquePhone();
    await page.getByLabel('Devotee’s name').fill('Lakshmi Rao');
    await page.getByLabel('WhatsApp number').fill(phone);
    await page.getByRole('button', { name: 'Join the waiting list' }).click();

    await expect(page.getByTestId('waitlist-position')).toHaveText('You are number 1 in line');
    await expectPhoneFriendly(page, 'waitlist entry: waiting');
    await shootEverySize(page, 'waitlist-waiting-en');
    const entryPath = new URL(page.url()).pathname + new URL(page.url()).search;
    await page.goto(`${entryPath}&lang=kn`);
    await expect(page.getByTestId('waitlist-position')).toHaveText('ಸರದಿಯಲ್ಲಿ ನಿಮ್ಮ ಸ್ಥಾನ: 1');
    await shootEverySize(page, 'waitlist-waiting-kn');

    // The booking ahead is cancelled: its place is offered to the devotee at once, by WhatsApp.
    const cancelled = await request.post(
      `/api/v1/bookings/${taken.reference}/cancel?token=${taken.manageToken}`,
      { data: {} },
    );
    expect(cancelled.status()).toBe(200);
    const offer = await waitForMessageTo(phone, 'from the waiting list');
    const acceptLine = offer.body
      .split('\n')
      .find((line) => line.startsWith('Accept the places: '));
    expect(acceptLine, offer.body).toBeDefined();
    const acceptUrl = acceptLine!.slice('Accept the places: '.length);

    await page.goto(pathOf(acceptUrl));
    await expect(page.getByText('Places are held for you')).toBeVisible();
    await expectPhoneFriendly(page, 'waitlist entry: offered');
    await shootEverySize(page, 'waitlist-offered-en');
    await page.goto(`${pathOf(acceptUrl).replace('lang=en', 'lang=kn')}`);
    await expect(page.getByText('ಸ್ಥಳಗಳನ್ನು ನಿಮಗಾಗಿ ಕಾಯ್ದಿರಿಸಲಾಗಿದೆ')).toBeVisible();
    await shootEverySize(page, 'waitlist-offered-kn');
    await page.goto(pathOf(acceptUrl));
    await page.getByRole('button', { name: 'Accept the places' }).click();

    // The confirmation of the booking the offer became.
    await expect(page).toHaveURL(/\/booked\/SB-/);
    await settle(page);
    await shoot(page, 'waitlist-accepted-en');
    const reference = /\/booked\/(SB-[A-Z0-9]+)/.exec(page.url())![1]!;
    const booking = await withTestDatabase(async (c) => {
      const rows: { status: string; phone: string }[] = await c.query(
        'SELECT status, phone FROM booking WHERE reference = ?',
        [reference],
      );
      return rows[0];
    });
    expect(booking?.status).toBe('confirmed');
    await waitForMessageTo(phone, reference);
  });
});
