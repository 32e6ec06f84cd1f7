import { expect, test } from '@playwright/test';
import { saveScreenshot, settle } from '../support/page-checks.ts';
import { findBookableSlot, uniquePhone } from '../support/temple-api.ts';
import { signIn } from './admin-steps.ts';

test('the day sheet prints one page per slot with Kannada and English names and the sankalpa large', async ({
  page,
  request,
}) => {
  const { seva, slot } = await findBookableSlot(request, {
    minRemaining: 1,
    seva: (s) => s.asks.gotra && s.asks.nakshatra,
  });
  const response = await request.post('/api/v1/bookings', {
    data: {
      slotId: slot.id,
      devoteeName: 'Sheet Devotee',
      phone: uniquePhone(),
      persons: 1,
      gotra: 'Bharadwaja',
      nakshatra: 'ashwini',
      language: 'kn',
    },
  });
  expect(response.status()).toBe(201);

  await signIn(page);
  await page.goto(`/admin/day-sheet?date=${slot.date}`);
  await expect(page.getByTestId('sheet-page').first()).toBeVisible();
  await settle(page);
  const pages = page.getByTestId('sheet-page');
  const slotsThatDay = await pages.count();
  expect(slotsThatDay).toBeGreaterThan(0);
  const sheet = pages.filter({ hasText: 'Sheet Devotee' });
  await expect(sheet.getByRole('heading', { level: 2 })).toContainText(seva.name.kn);
  await expect(sheet.getByRole('heading', { level: 2 })).toContainText(seva.name.en);
  const sankalpa = sheet.getByText('Nakshatra: ಅಶ್ವಿನಿ (Ashwini)');
  await expect(sankalpa).toBeVisible();
  const size = await sankalpa.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(size).toBeGreaterThanOrEqual(20);

  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: 'Print' })).toBeHidden();
  await saveScreenshot(page, 'admin-day-sheet-print');
  // Printed to PDF, every slot starts on a page of its own.
  const pdf = (await page.pdf({ format: 'A4', printBackground: true })).toString('latin1');
  const pageCount = pdf.match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
  expect(pageCount).toBeGreaterThanOrEqual(slotsThatDay);
});

test('the day sheet downloads as CSV', async ({ page, request }) => {
  const { slot } = await findBookableSlot(request, { minRemaining: 1 });
  await signIn(page);
  await page.goto(`/admin/day?date=${slot.date}`);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`day-sheet-${slot.date}.csv`);
  const path = await download.path();
  const { readFileSync } = await import('node:fs');
  const csv = readFileSync(path, 'utf8');
  expect(csv.split('\n')[0]).toMatch(/reference/i);
});
