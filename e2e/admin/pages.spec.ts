import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { expectAccessible, saveScreenshot, settle } from '../support/page-checks.ts';
import { bookViaApi, findBookableSlot, uniquePhone } from '../support/temple-api.ts';
import { signIn, slotPanel } from './admin-steps.ts';

/**
 * Every admin screen at a desk (1280×800) and on a phone held by a priest (360×640): no serious
 * axe violation, and a screenshot under e2e/screenshots/ to look at.
 */
const viewports = [
  { width: 1280, height: 800 },
  { width: 360, height: 640 },
];

async function check(page: Page, name: string): Promise<void> {
  await settle(page);
  await expectAccessible(page, name);
  await saveScreenshot(page, `admin-${name}`);
}

/**
 * A dialog over a scrolled page: what the viewport shows. (A full-page capture of a scrolled
 * page draws the fixed header halfway down.)
 */
async function checkDialog(page: Page, name: string): Promise<void> {
  await settle(page);
  await expectAccessible(page, name);
  const { width, height } = page.viewportSize() ?? { width: 0, height: 0 };
  await page.screenshot({
    path: fileURLToPath(
      new URL(`../screenshots/admin-${name}-${width}x${height}.png`, import.meta.url),
    ),
  });
}

/** Two bookings with sankalpa details on one slot, so the day, calendar and lists have rows. */
async function bookedSlot(request: APIRequestContext) {
  const found = await findBookableSlot(request, {
    minRemaining: 4,
    seva: (s) => s.asks.gotra && s.asks.nakshatra && s.maxPersonsPerBooking >= 2,
  });
  for (const [devoteeName, nakshatra, rashi] of [
    ['Lakshmi Rao', 'rohini', 'vrishabha'],
    ['Ramesh Bhat', 'pushya', 'karka'],
  ] as const) {
    const response = await request.post('/api/v1/bookings', {
      data: {
        slotId: found.slot.id,
        devoteeName,
        phone: uniquePhone(),
        persons: 2,
        gotra: 'Kashyapa',
        nakshatra,
        ...(found.seva.asks.rashi ? { rashi } : {}),
        language: 'kn',
      },
    });
    expect(response.status()).toBe(201);
  }
  return found;
}

// NOTE: one test per group of screens, each signing in: every screen runs axe, and all of them
// in one test came close to the test timeout on a busy machine.
for (const viewport of viewports) {
  test.describe(`every screen at ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport });

    test('sign-in, the day and its dialogs', async ({ page, request }) => {
      const { slot } = await bookedSlot(request);
      await page.goto('/admin/login');
      await check(page, 'login');

      await signIn(page);
      await page.goto(`/admin/day?date=${slot.date}`);
      await expect(slotPanel(page, slot.id)).toContainText('Lakshmi Rao');
      await check(page, 'day');

      if (viewport.width >= 1280) {
        await slotPanel(page, slot.id)
          .getByRole('button', { name: /^Move / })
          .first()
          .click();
        await expect(page.getByRole('dialog')).toBeVisible();
        await checkDialog(page, 'move');
        await page.keyboard.press('Escape');
        await slotPanel(page, slot.id)
          .getByRole('button', { name: /^Cancel booking / })
          .first()
          .click();
        await expect(page.getByRole('dialog', { name: 'Reason' })).toBeVisible();
        await checkDialog(page, 'cancel-reasons');
        await page.keyboard.press('Escape');
        await slotPanel(page, slot.id)
          .getByRole('button', { name: /^Slot settings for / })
          .click();
        await expect(page.getByRole('dialog')).toBeVisible();
        await checkDialog(page, 'slot-settings');
        await page.keyboard.press('Escape');
      }
    });

    test('calendar, counter and day sheet', async ({ page, request }) => {
      const { slot } = await bookedSlot(request);
      // A slot with its last place taken, so the calendar shows its "full" colour too.
      const small = await findBookableSlot(request, { seva: (s) => s.defaultCapacity === 1 }).catch(
        () => undefined,
      );
      if (small) await bookViaApi(request, small.slot.id, { devoteeName: 'Full Slot' });
      await signIn(page);

      await page.goto('/admin/calendar');
      await expect(page.locator('.fc-event').first()).toBeVisible();
      await check(page, 'calendar-week');
      await page.getByRole('button', { name: 'Month' }).click();
      await check(page, 'calendar-month');

      await page.goto(`/admin/counter?date=${slot.date}`);
      await expect(page.getByRole('combobox', { name: 'Seva' })).toBeVisible();
      await check(page, 'counter');

      await page.goto(`/admin/day-sheet?date=${slot.date}`);
      await expect(page.getByTestId('sheet-summary')).toBeVisible();
      await check(page, 'day-sheet');
    });

    test('sevas, notifications and staff', async ({ page, request }) => {
      const { seva } = await bookedSlot(request);
      // More than a page of messages (50), so the list's pagination is checked too.
      const { slot: busy } = await findBookableSlot(request, { minRemaining: 26 });
      for (let i = 0; i < 26; i++) {
        await bookViaApi(request, busy.id, {
          devoteeName: `Pilgrim ${String.fromCharCode(65 + i)}`,
        });
      }
      await signIn(page);

      await page.goto('/admin/sevas');
      await check(page, 'sevas');
      await page.goto(`/admin/sevas/${seva.id}`);
      await expect(page.getByRole('heading', { level: 1, name: seva.name.en })).toBeVisible();
      await check(page, 'seva');

      await page.goto('/admin/notifications?status=all');
      await expect(page.getByTestId('notification-row').first()).toBeVisible();
      await expect(page.getByRole('button', { name: 'Next page' })).toBeVisible();
      await check(page, 'notifications');

      await page.goto('/admin/users');
      await expect(page.getByTestId('user-row').first()).toBeVisible();
      await check(page, 'users');
    });
  });
}
