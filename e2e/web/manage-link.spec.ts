import { expect, test } from '@playwright/test';
import type { CreatedBooking } from '@sevabook/shared';
import { saveScreenshot, settle } from '../support/page-checks.ts';
import { findBookableSlot, pathOf, uniquePhone } from '../support/temple-api.ts';

/**
 * The manage link a devotee receives on WhatsApp: it opens in the language they booked in,
 * whatever the phone chose before, and shows what the confirmation page showed.
 */
test('a Kannada booking’s manage link opens in Kannada, with the QR code and the calendar file', async ({
  page,
  request,
}) => {
  const { slot } = await findBookableSlot(request);
  const response = await request.post('/api/v1/bookings', {
    data: {
      slotId: slot.id,
      devoteeName: 'Kamala Bai',
      phone: uniquePhone(),
      persons: 1,
      language: 'kn',
    },
  });
  expect(response.status()).toBe(201);
  const booking = (await response.json()) as CreatedBooking;
  // The link the API gives for it carries the token and the booking's language, as the
  // WhatsApp message's does; this phone had chosen English before.
  expect(booking.manageUrl).toContain('&lang=kn');
  await page.addInitScript(() => window.localStorage.setItem('sevabook.language', 'en'));
  await page.goto(pathOf(booking.manageUrl));
  await settle(page);

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('ನಿಮ್ಮ ಬುಕಿಂಗ್');
  await expect(page.getByRole('img', { name: new RegExp(booking.reference) })).toBeVisible();
  const calendar = page.getByRole('link', { name: 'ಕ್ಯಾಲೆಂಡರ್‌ಗೆ ಸೇರಿಸಿ' });
  await expect(calendar).toHaveAttribute('href', new RegExp(`${booking.reference}\\.ics\\?token=`));
  const ics = await request.get((await calendar.getAttribute('href')) ?? '');
  expect((await ics.text()).replace(/\r?\n[ \t]/g, '')).toContain('ಬುಕಿಂಗ್ ಸಂಖ್ಯೆ');
  await saveScreenshot(page, 'manage-link-kn');
});
