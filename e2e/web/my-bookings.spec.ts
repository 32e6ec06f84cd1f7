import { expect, test, type Page } from '@playwright/test';
import { copyFileSync, mkdirSync } from 'node:fs';
import { withTestDatabase } from '../support/database.ts';
import {
  expectAccessible,
  expectPhoneFriendly,
  saveScreenshot,
  settle,
} from '../support/page-checks.ts';
import { bookViaApi, findBookableSlot, uniquePhone } from '../support/temple-api.ts';
import { waitForMessageTo } from '../support/whatsapp.ts';

/** The code in the newest sign-in message to `phone`, as the fake Twilio took it. */
async function codeSentTo(phone: string): Promise<string> {
  const message = await waitForMessageTo(phone, /^(Code|ಕೋಡ್): \d{6}$/m);
  return /^(?:Code|ಕೋಡ್): (\d{6})$/m.exec(message.body)![1]!;
}

/** Types a code into the six boxes as a thumb would, one digit after another. */
async function typeCode(page: Page, code: string): Promise<void> {
  await page.getByTestId('sign-in-code').locator('input').first().click();
  await page.keyboard.type(code);
}

async function askForCode(page: Page, phone: string, sendLabel: string): Promise<string> {
  await page.getByRole('textbox').first().fill(phone);
  await page.getByRole('button', { name: sendLabel }).click();
  return codeSentTo(phone);
}

const shots = process.env.MY_BOOKINGS_SHOTS;
async function shoot(page: Page, name: string): Promise<void> {
  await saveScreenshot(page, name);
  if (!shots) return;
  // A copy for a reviewer's folder too, when one is named.
  mkdirSync(shots, { recursive: true });
  const { width, height } = page.viewportSize()!;
  copyFileSync(
    new URL(`../screenshots/${name}-${width}x${height}.png`, import.meta.url),
    `${shots}/${name}-${width}x${height}.png`,
  );
}

test.describe('My bookings', () => {
  test('finds a booking by a code sent by WhatsApp, and cancels it from there', async ({
    page,
    request,
  }) => {
    // Three accessibility passes and two round trips through WhatsApp: more than the default.
    test.setTimeout(120_000);
    const phone = uniquePhone();
    const { slot } = await findBookableSlot(request, { minRemaining: 2 });
    const booking = await bookViaApi(request, slot.id, { phone, persons: 1 });

    await page.goto('/');
    await settle(page);
    await page.getByRole('link', { name: 'My bookings' }).click();
    await expect(page.getByRole('heading', { name: 'My bookings', level: 1 })).toBeVisible();
    await shoot(page, 'my-bookings-phone-en');
    await expectAccessible(page, 'my bookings: phone');
    await expectPhoneFriendly(page, 'my bookings: phone');

    const code = await askForCode(page, phone, 'Send me the code');
    await expect(page.getByRole('heading', { name: 'Enter the code' })).toBeVisible();
    await expect(page.getByText(/We sent a 6-digit code by WhatsApp to/)).toBeVisible();
    await expect(page.getByText(/ask for a new code in \d+ seconds?/)).toBeVisible();
    const first = page.getByTestId('sign-in-code').locator('input').first();
    await expect(first).toHaveAttribute('autocomplete', 'one-time-code');
    await expect(first).toHaveAttribute('inputmode', 'numeric');

    // A wrong code is refused in plain words, and the right one still works after it.
    await typeCode(page, code === '000000' ? '111111' : '000000');
    await expect(page.getByRole('alert')).toContainText('That code is not right');
    await shoot(page, 'my-bookings-wrong-code-en');
    await expectAccessible(page, 'my bookings: wrong code');
    await expectPhoneFriendly(page, 'my bookings: code');
    await typeCode(page, code);

    const card = page.locator(`[data-reference="${booking.reference}"]`);
    await expect(card).toBeVisible();
    await expect(card.getByTestId('booking-reference')).toHaveText(booking.reference);
    await expect(card.getByRole('img', { name: /QR code/ })).toBeVisible();
    await expect(card.getByRole('button', { name: 'Add to calendar' })).toBeVisible();
    await settle(page);
    await shoot(page, 'my-bookings-list-en');
    await expectAccessible(page, 'my bookings: list');
    await expectPhoneFriendly(page, 'my bookings: list');

    const download = page.waitForEvent('download');
    await card.getByRole('button', { name: 'Add to calendar' }).click();
    expect((await download).suggestedFilename()).toBe(`${booking.reference}.ics`);

    await card.getByRole('button', { name: 'Cancel this booking' }).click();
    await card.getByRole('button', { name: 'Yes, cancel it' }).click();
    await expect(card.getByText('Your booking is cancelled', { exact: false })).toBeVisible();
    await shoot(page, 'my-bookings-cancelled-en');

    const rows = await withTestDatabase((c) =>
      c.query('SELECT status FROM booking WHERE reference = ?', [booking.reference]),
    );
    expect((rows as Array<{ status: string }>)[0]?.status).toBe('cancelled');

    // Closing it leaves nothing behind: the page asks for the number again.
    await page.getByRole('button', { name: 'Close my bookings' }).click();
    await expect(page.getByRole('button', { name: 'Send me the code' })).toBeVisible();
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
  });

  test('in Kannada, and back to the number kindly when the session is over', async ({
    page,
    request,
  }) => {
    const phone = uniquePhone();
    const { slot } = await findBookableSlot(request);
    await bookViaApi(request, slot.id, { phone });
    await page.addInitScript(() => window.localStorage.setItem('sevabook.language', 'kn'));

    await page.goto('/my-bookings');
    await settle(page);
    await shoot(page, 'my-bookings-phone-kn');
    const code = await askForCode(page, phone, 'ಕೋಡ್ ಕಳುಹಿಸಿ');
    await expect(page.getByText(/ಕೋಡ್ ಕಳುಹಿಸಿದ ಸಂಖ್ಯೆ:/)).toBeVisible();
    await shoot(page, 'my-bookings-code-kn');
    await typeCode(page, code);
    await expect(page.getByRole('heading', { name: 'ಮುಂಬರುವ ಬುಕಿಂಗ್‌ಗಳು' })).toBeVisible();
    await settle(page);
    await shoot(page, 'my-bookings-list-kn');
    await expectAccessible(page, 'my bookings in Kannada');

    // The session's 15 minutes are up: the API refuses it, and the page says why.
    await page.evaluate(() => {
      const key = 'sevabook:my-bookings';
      const stored = JSON.parse(sessionStorage.getItem(key)!) as { token: string };
      sessionStorage.setItem(key, JSON.stringify({ ...stored, token: `${stored.token}x` }));
    });
    await page.reload();
    await expect(page.getByText(/15 ನಿಮಿಷಗಳ ನಂತರ ಮುಚ್ಚುತ್ತದೆ/)).toBeVisible();
    await expect(page.getByRole('textbox').first()).toHaveValue(/\d/);
    await shoot(page, 'my-bookings-expired-kn');
  });
});

for (const viewport of [
  { width: 1280, height: 800, large: false },
  { width: 360, height: 640, large: true },
]) {
  test(`My bookings at ${viewport.width} px${viewport.large ? ' with text at 200 %' : ''}`, async ({
    page,
    request,
  }) => {
    await page.setViewportSize(viewport);
    if (viewport.large) {
      await page.addInitScript(() => {
        document.addEventListener('DOMContentLoaded', () => {
          const style = document.createElement('style');
          style.textContent = 'html { font-size: 200% !important; }';
          document.head.append(style);
        });
      });
    }
    const phone = uniquePhone();
    const { slot } = await findBookableSlot(request);
    await bookViaApi(request, slot.id, { phone });
    const tag = viewport.large ? 'large' : 'wide';
    await page.goto('/my-bookings');
    await settle(page);
    await shoot(page, `my-bookings-phone-${tag}`);
    const code = await askForCode(page, phone, 'Send me the code');
    await shoot(page, `my-bookings-code-${tag}`);
    await typeCode(page, code);
    await expect(page.locator('[data-testid="my-booking"]')).toHaveCount(1);
    await settle(page);
    await shoot(page, `my-bookings-list-${tag}`);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(viewport.width);
  });
}
