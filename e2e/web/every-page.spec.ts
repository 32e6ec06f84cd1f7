import { expect, test, type Page } from '@playwright/test';
import type { CreatedBooking, Seva, Slot } from '@sevabook/shared';
import {
  openConfirmation,
  openEmptyBookingForm,
  openManage,
  openNotFound,
  openSevaOnDate,
  prepareDevoteePages,
  submitForErrors,
} from '../support/devotee-pages.ts';
import {
  expectAccessible,
  expectPhoneFriendly,
  saveScreenshot,
  settle,
} from '../support/page-checks.ts';

/**
 * Every page of the devotee site, in English and Kannada, on a 360×640 phone and a 1280×800
 * desktop: no serious or critical axe violation, nothing that scrolls sideways, no tap target
 * under 44 px, body text of 17 px or more, and a screenshot of each under e2e/screenshots/.
 */
const viewports = [
  { width: 360, height: 640 },
  { width: 1280, height: 800 },
] as const;
const languages = ['en', 'kn'] as const;

let seva: Seva;
let slot: Slot;
let booking: CreatedBooking;
let cancelled: CreatedBooking;

test.beforeAll(async ({ request }) => {
  ({ seva, slot, booking, cancelled } = await prepareDevoteePages(request));
});

async function check(page: Page, name: string): Promise<void> {
  await settle(page);
  await expectAccessible(page, name);
  await expectPhoneFriendly(page, name);
  await saveScreenshot(page, name);
}

for (const viewport of viewports) {
  for (const language of languages) {
    test.describe(`${language} at ${viewport.width}×${viewport.height}`, () => {
      test.use({ viewport });
      test.beforeEach(async ({ page }) => {
        await page.addInitScript(
          (l) => window.localStorage.setItem('sevabook.language', l),
          language,
        );
      });

      test('home', async ({ page }) => {
        await page.goto('/');
        await check(page, `home-${language}`);
      });

      test('seva, with a date chosen', async ({ page }) => {
        await openSevaOnDate(page, seva, slot);
        await check(page, `seva-${language}`);
      });

      test('booking form, empty and with errors', async ({ page }) => {
        await openEmptyBookingForm(page, seva, slot);
        await check(page, `book-${language}`);
        await submitForErrors(page);
        await check(page, `book-errors-${language}`);
      });

      test('confirmation', async ({ page }) => {
        await openConfirmation(page, booking);
        await check(page, `confirmation-${language}`);
      });

      test('manage, confirmed and cancelled', async ({ page }) => {
        await openManage(page, booking);
        await check(page, `manage-${language}`);
        await openManage(page, cancelled);
        await check(page, `manage-cancelled-${language}`);
      });

      test('page not found', async ({ page }) => {
        await openNotFound(page);
        await check(page, `not-found-${language}`);
      });

      test('loading and offline states', async ({ page, context }) => {
        // Hold the seva list back to see the skeleton, then let it through.
        let release: () => void = () => {};
        const held = new Promise<void>((resolve) => (release = resolve));
        await page.route('**/api/v1/sevas', async (route) => {
          await held;
          await route.continue();
        });
        await page.goto('/');
        await expect(page.locator('[aria-busy="true"]').first()).toBeVisible();
        await expectAccessible(page, `loading-${language}`);
        await saveScreenshot(page, `loading-${language}`);
        release();

        await settle(page);
        await context.setOffline(true);
        await expect(page.getByRole('status').filter({ hasText: /internet|ಇಂಟರ್ನೆಟ್/ })).toBeVisible();
        await expectAccessible(page, `offline-${language}`);
        await saveScreenshot(page, `offline-${language}`);
        await context.setOffline(false);
      });
    });
  }
}
