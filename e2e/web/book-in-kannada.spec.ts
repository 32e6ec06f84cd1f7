import { expect, test } from '@playwright/test';
import { PRIVACY_NOTICE_VERSION } from '@sevabook/shared';
import { chooseSlot } from '../support/booking-steps.ts';
import { withTestDatabase } from '../support/database.ts';
import { expectAccessible, settle } from '../support/page-checks.ts';
import { findBookableSlot, uniquePhone } from '../support/temple-api.ts';

test('a devotee books a seva in Kannada on a 360 px phone, and the choice of language is remembered', async ({
  page,
  request,
}) => {
  const { seva, slot } = await findBookableSlot(request, { seva: (s) => s.asks.nakshatra });

  await page.goto('/');
  await settle(page);
  await page.getByRole('button', { name: 'ಕನ್ನಡ' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'kn');
  await expect(page.getByRole('heading', { level: 1, name: 'ಸೇವೆಯನ್ನು ಬುಕ್ ಮಾಡಿ' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'ಕನ್ನಡ' })).toHaveAttribute('aria-pressed', 'true');

  // Remembered: a reload keeps Kannada.
  await page.reload();
  await settle(page);
  await expect(page.getByRole('heading', { level: 1, name: 'ಸೇವೆಯನ್ನು ಬುಕ್ ಮಾಡಿ' })).toBeVisible();

  await page
    .getByRole('article', { name: seva.name.kn })
    .getByRole('link', { name: /ದಿನಾಂಕ ಆಯ್ಕೆಮಾಡಿ/ })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: seva.name.kn })).toBeVisible();
  await chooseSlot(page, slot);

  await expect(
    page.getByRole('heading', { level: 1, name: `${seva.name.kn} ಬುಕ್ ಮಾಡಿ` }),
  ).toBeVisible();
  await settle(page);
  // Errors come in Kannada, next to the fields.
  await page.getByRole('button', { name: 'ಬುಕಿಂಗ್ ಖಚಿತಪಡಿಸಿ' }).click();
  await expect(page.getByText(/ದಯವಿಟ್ಟು ಭಕ್ತರ ಹೆಸರನ್ನು ನಮೂದಿಸಿ/)).toBeVisible();
  await expect(page.getByText(/ಸರಿಯಾದ ವಾಟ್ಸ್‌ಆ್ಯಪ್ ಸಂಖ್ಯೆಯನ್ನು ನಮೂದಿಸಿ/)).toBeVisible();
  await expectAccessible(page, 'booking form with errors, Kannada');

  // The privacy notice, in Kannada, with the period the temple keeps the details.
  await expect(page.getByText(/ಸೇವೆಯ 400 ದಿನಗಳ ನಂತರ ಅವುಗಳನ್ನು ಅಳಿಸಲಾಗುತ್ತದೆ/)).toBeVisible();

  await page.getByLabel('ಭಕ್ತರ ಹೆಸರು').fill('ಶ್ರೀನಿವಾಸ ಭಟ್');
  await page.getByLabel('ವಾಟ್ಸ್‌ಆ್ಯಪ್ ಸಂಖ್ಯೆ').fill(uniquePhone());
  await page.getByLabel('ನಕ್ಷತ್ರ').selectOption({ label: 'ರೋಹಿಣಿ (Rohini)' });
  await page.getByRole('button', { name: 'ಬುಕಿಂಗ್ ಖಚಿತಪಡಿಸಿ' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'ನಿಮ್ಮ ಸೇವೆ ಬುಕ್ ಆಗಿದೆ' })).toBeVisible();
  const reference = (await page.getByTestId('booking-reference').textContent()) ?? '';
  await expect(page.getByText(/ವಾಟ್ಸ್‌ಆ್ಯಪ್ ಸಂದೇಶ ಈ ಸಂಖ್ಯೆಗೆ ಬರುತ್ತಿದೆ: \+91/)).toBeVisible();
  // The date is the temple's, in Kannada, although this browser is set to New York time.
  const [y, m, d] = slot.date.split('-').map(Number) as [number, number, number];
  const kannadaDate = new Intl.DateTimeFormat('kn-IN', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, d)));
  await expect(page.getByText(kannadaDate)).toBeVisible();
  await expectAccessible(page, 'confirmation, Kannada');

  // The booking asks for its WhatsApp message in Kannada, and its name is stored as typed.
  const rows = await withTestDatabase((c) =>
    c.query(
      `SELECT language, devotee_name AS name, nakshatra, privacy_notice_version AS notice
       FROM booking WHERE reference = ?`,
      [reference],
    ),
  );
  expect(rows[0]).toMatchObject({ language: 'kn', name: 'ಶ್ರೀನಿವಾಸ ಭಟ್', nakshatra: 'rohini' });
  // The booking records that the notice was shown.
  expect(rows[0].notice).toBe(PRIVACY_NOTICE_VERSION);
});
