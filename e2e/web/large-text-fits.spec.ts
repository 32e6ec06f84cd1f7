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
import { saveScreenshot, saveViewportScreenshot, settle } from '../support/page-checks.ts';

/**
 * An elderly devotee reads with the phone's text at twice its size. On a 360 px screen, in
 * English and Kannada, no text may be cut: every button, link, badge, heading and label shows
 * all of its words, wrapping or stacking instead (Mantine's inner label spans clip with
 * overflow hidden, so they are checked too).
 */
const languages = ['en', 'kn'] as const;

let seva: Seva;
let slot: Slot;
let booking: CreatedBooking;
let cancelled: CreatedBooking;

test.beforeAll(async ({ request }) => {
  ({ seva, slot, booking, cancelled } = await prepareDevoteePages(request));
});

/** Elements whose text is wider or taller than their box: text the devotee cannot read. */
async function cutTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const selector = [
      'button',
      'a',
      'label',
      'h1',
      'h2',
      'h3',
      'dt',
      'dd',
      '[data-testid="places"]',
      '.mantine-Badge-root',
      '.mantine-Badge-label',
      '.mantine-Button-inner',
      '.mantine-Button-label',
      '.mantine-InputWrapper-label',
    ].join(',');
    const cut: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>(selector)) {
      if (el.getClientRects().length === 0) continue;
      const text = (el.textContent ?? '').trim();
      if (!text) continue;
      const wide = el.scrollWidth > el.clientWidth + 1;
      const style = getComputedStyle(el);
      // Height only counts where the box clips: elsewhere taller text simply grows the box.
      const clips = style.overflow !== 'visible' || style.overflowY !== 'visible';
      const tall = clips && el.scrollHeight > el.clientHeight + 1;
      if (wide || tall)
        cut.push(
          `${el.tagName.toLowerCase()}.${el.className.toString().split(' ')[0]} "${text.slice(0, 40)}" ` +
            `${el.scrollWidth}×${el.scrollHeight} in ${el.clientWidth}×${el.clientHeight}`,
        );
    }
    return cut;
  });
}

async function expectNothingCut(page: Page, name: string): Promise<void> {
  await settle(page);
  await saveScreenshot(page, name);
  expect(await cutTexts(page), `${name}: text cut off`).toEqual([]);
  // Nothing reaches past the screen's right edge (which would scroll the page sideways).
  const beyond = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('body *')]
      .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
      .map((el) => `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 30)}"`),
  );
  expect(beyond, `${name}: wider than the screen`).toEqual([]);
}

for (const language of languages) {
  test.describe(`${language} at 360 px with text at 200 %`, () => {
    test.use({ viewport: { width: 360, height: 640 } });
    test.beforeEach(async ({ page }) => {
      await page.addInitScript((l) => {
        window.localStorage.setItem('sevabook.language', l);
        // The phone's "large text" setting: the root font size every rem is measured in.
        document.addEventListener('DOMContentLoaded', () => {
          const style = document.createElement('style');
          style.textContent = 'html { font-size: 200% !important; }';
          document.head.append(style);
        });
      }, language);
    });

    test('home and seva pages', async ({ page }) => {
      await page.goto('/');
      await expectNothingCut(page, `large-home-${language}`);
      await openSevaOnDate(page, seva, slot);
      await expectNothingCut(page, `large-seva-${language}`);
    });

    test('booking form, with its errors', async ({ page }) => {
      await openEmptyBookingForm(page, seva, slot);
      await submitForErrors(page);
      await expectNothingCut(page, `large-book-${language}`);
    });

    test('confirmation', async ({ page }) => {
      await openConfirmation(page, booking);
      await expectNothingCut(page, `large-confirmation-${language}`);
    });

    test('manage, the cancel question, and a cancelled booking', async ({ page }) => {
      await openManage(page, booking);
      await expectNothingCut(page, `large-manage-${language}`);
      await page.getByRole('button', { name: /Cancel this booking|ಈ ಬುಕಿಂಗ್ ರದ್ದುಮಾಡಿ/ }).click();
      const question = page.getByRole('group', { name: /Cancel this booking\?|ರದ್ದುಮಾಡಬೇಕೆ\?/ });
      await expect(question).toBeVisible();
      await expectNothingCut(page, `large-cancel-question-${language}`);
      await question.scrollIntoViewIfNeeded();
      await saveViewportScreenshot(page, `large-cancel-question-close-${language}`);
      await openManage(page, cancelled);
      await expectNothingCut(page, `large-manage-cancelled-${language}`);
    });

    test('page not found', async ({ page }) => {
      await openNotFound(page);
      await expectNothingCut(page, `large-not-found-${language}`);
    });
  });
}
