import { expect, test } from '@playwright/test';
import { saveScreenshot, settle } from '../support/page-checks.ts';
import { findBookableSlot, uniquePhone } from '../support/temple-api.ts';
import { adminHeaders, signIn } from './admin-steps.ts';

test('the day sheet prints a summary page, then only the slots with bookings, several to a page, with an arrived box per devotee', async ({
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
  const day = await request.get(`/api/v1/admin/day-sheet?date=${slot.date}`, {
    headers: await adminHeaders(request),
  });
  const sheetData = (await day.json()) as {
    slots: { id: number; bookings: { status: string }[] }[];
  };
  const slotsThatDay = sheetData.slots.length;
  const booked = sheetData.slots.filter((s) => s.bookings.some((b) => b.status === 'confirmed'));
  // The day has slots nobody booked: those are the pages no longer printed.
  expect(slotsThatDay).toBeGreaterThan(booked.length);

  await signIn(page);
  await page.goto(`/admin/day-sheet?date=${slot.date}`);
  const summary = page.getByTestId('sheet-summary');
  await expect(summary).toBeVisible();
  await settle(page);
  await expect(
    summary.getByTestId('sheet-summary-line').filter({ hasText: seva.name.en }),
  ).toBeVisible();
  await expect(summary).toContainText(/slots? without bookings (is|are) not printed/);
  const slots = page.getByTestId('sheet-slot');
  await expect(slots).toHaveCount(booked.length);
  const sheet = slots.filter({ hasText: 'Sheet Devotee' });
  await expect(sheet.getByRole('heading', { level: 2 })).toContainText(seva.name.kn);
  await expect(sheet.getByRole('heading', { level: 2 })).toContainText(seva.name.en);
  await expect(sheet.getByRole('columnheader', { name: 'Arrived' })).toBeVisible();
  await expect(
    sheet.getByRole('img', { name: 'Box to tick when Sheet Devotee arrives' }),
  ).toBeVisible();
  const sankalpa = sheet.getByText('Nakshatra: ಅಶ್ವಿನಿ (Ashwini)');
  await expect(sankalpa).toBeVisible();
  const size = await sankalpa.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(size).toBeGreaterThanOrEqual(20);
  await saveScreenshot(page, 'admin-day-sheet');
  await page.setViewportSize({ width: 360, height: 640 });
  await saveScreenshot(page, 'admin-day-sheet');
  await page.setViewportSize({ width: 1280, height: 800 });

  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: 'Print' })).toBeHidden();
  await saveScreenshot(page, 'admin-day-sheet-print');
  // Printed to A4: the summary page, then the booked slots sharing pages; never a page per slot.
  const pdf = (await page.pdf({ format: 'A4', printBackground: true })).toString('latin1');
  const pageCount = pdf.match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
  expect(pageCount).toBeGreaterThanOrEqual(2);
  expect(pageCount).toBeLessThanOrEqual(1 + booked.length);
  expect(pageCount).toBeLessThan(slotsThatDay);
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
