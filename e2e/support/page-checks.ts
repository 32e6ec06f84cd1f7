import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const screenshotDir = fileURLToPath(new URL('../screenshots/', import.meta.url));

/** axe-core on the page as it is now: no serious or critical violation is allowed. */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = bad.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`,
  );
  expect(report, `axe on ${label}`).toEqual([]);
}

/**
 * What the look-and-feel rules promise on a phone: nothing scrolls sideways, body text is at
 * least 17 px, and every control a finger has to hit is at least 44 px tall.
 */
export async function expectPhoneFriendly(page: Page, label: string): Promise<void> {
  const facts = await page.evaluate(() => {
    const small: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>(
      'button, a[href], input, select, textarea',
    )) {
      const box = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      if (box.width === 0 || style.visibility === 'hidden' || box.bottom < 0) continue; // hidden, or the skip link
      if (box.height < 44)
        small.push(
          `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 30)}" ${Math.round(box.height)}px`,
        );
    }
    return {
      scrollWidth: document.documentElement.scrollWidth,
      width: window.innerWidth,
      bodyFontSize: parseFloat(getComputedStyle(document.body).fontSize),
      small,
    };
  });
  expect(facts.scrollWidth, `${label}: no horizontal scroll`).toBeLessThanOrEqual(facts.width);
  expect(facts.bodyFontSize, `${label}: body text size`).toBeGreaterThanOrEqual(17);
  expect(facts.small, `${label}: tap targets under 44 px`).toEqual([]);
}

/** A full-page screenshot under e2e/screenshots/, named by page and viewport. */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  const { width, height } = page.viewportSize() ?? { width: 0, height: 0 };
  await page.screenshot({ path: `${screenshotDir}${name}-${width}x${height}.png`, fullPage: true });
}

/** What the screen shows now, without scrolling: a dialog over a long page, on a phone. */
export async function saveViewportScreenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  const { width, height } = page.viewportSize() ?? { width: 0, height: 0 };
  await page.screenshot({ path: `${screenshotDir}${name}-${width}x${height}.png` });
}

/** Waits until skeletons are gone and fonts are in, so screenshots and checks see the page. */
export async function settle(page: Page): Promise<void> {
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  await page.evaluate(() => document.fonts.ready);
}
