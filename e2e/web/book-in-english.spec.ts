import { expect, test } from '@playwright/test';
import { withTestDatabase } from '../support/database.ts';
import { chooseSlot } from '../support/booking-steps.ts';
import { expectAccessible, saveScreenshot, settle } from '../support/page-checks.ts';
import { findBookableSlot, uniquePhone } from '../support/temple-api.ts';

test('a devotee books a seva in English on a 360 px phone, home to confirmation', async ({
  page,
  request,
}) => {
  const { seva, slot } = await findBookableSlot(request, {
    minRemaining: 2,
    seva: (s) => s.feePaise > 0 && s.asks.nakshatra && s.asks.rashi && s.maxPersonsPerBooking >= 2,
  });
  const phone = uniquePhone();

  await page.goto('/');
  await settle(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1, name: 'Book a seva' })).toBeVisible();
  await page
    .getByRole('article', { name: seva.name.en })
    .getByRole('link', { name: /Choose a date/ })
    .click();

  await expect(page.getByRole('heading', { level: 1, name: seva.name.en })).toBeVisible();
  await chooseSlot(page, slot);

  await expect(page.getByRole('heading', { level: 1, name: `Book ${seva.name.en}` })).toBeVisible();
  await settle(page);
  await page.getByLabel('Devotee’s name').fill('Lakshmi Rao');
  await page.getByLabel('WhatsApp number').fill(phone);
  await expect(page.getByText(/We will send it to \+91/)).toBeVisible();
  await page.getByLabel('Number of persons').selectOption('2');
  if (seva.asks.gotra) await page.getByLabel('Gotra').fill('Kashyapa');
  await page.getByLabel('Nakshatra').selectOption('rohini');
  await page.getByLabel('Rashi').selectOption('vrishabha');
  const total = new Intl.NumberFormat('en-IN', {
    style: 'currency',
    currency: 'INR',
    minimumFractionDigits: 0,
  }).format((seva.feePaise * 2) / 100);
  await expect(page.getByText(`To pay at the counter: ${total} for 2 persons`)).toBeVisible();
  await page.getByRole('button', { name: 'Confirm booking' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Your seva is booked' })).toBeVisible();
  const reference = (await page.getByTestId('booking-reference').textContent()) ?? '';
  expect(reference).toMatch(/^SB-[346789ABCDEFGHJKMNPQRTWXY]{6}$/);
  await expect(page.getByText(`Please pay ${total} at the temple counter.`)).toBeVisible();
  await expect(
    page.getByText(/A WhatsApp message with these details is on its way to \+91/),
  ).toBeVisible();
  await expect(
    page.getByRole('img', { name: `QR code of booking reference ${reference}` }),
  ).toBeVisible();
  await expectAccessible(page, 'confirmation');

  // What the database now holds is what the devotee typed.
  const rows = await withTestDatabase((c) =>
    c.query(
      'SELECT persons, language, status, source, gotra, nakshatra, rashi, phone FROM booking WHERE reference = ?',
      [reference],
    ),
  );
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({
    persons: 2,
    language: 'en',
    status: 'confirmed',
    source: 'web',
    nakshatra: 'rohini',
    rashi: 'vrishabha',
    phone: `+91${phone}`,
  });

  // The calendar file is really there.
  const icsHref = await page.getByRole('link', { name: 'Add to calendar' }).getAttribute('href');
  const ics = await request.get(icsHref ?? '');
  expect(ics.status()).toBe(200);
  expect(ics.headers()['content-type']).toContain('text/calendar');

  // And the manage link opens the same booking.
  await page.getByRole('link', { name: 'See or cancel this booking' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your booking' })).toBeVisible();
  await expect(page.getByTestId('booking-reference')).toHaveText(reference);
  await expect(page.getByTestId('booking-status')).toHaveText('Confirmed');
  await saveScreenshot(page, 'flow-manage-after-booking');
});
