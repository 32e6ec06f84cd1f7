import { expect, test } from '@playwright/test';
import { watchPage } from '../support/console-watch.ts';
import { settle } from '../support/page-checks.ts';
import { sevas } from '../support/temple-api.ts';

/**
 * What a devotee's phone loads first: the home page and a seva's page run under the site's CSP
 * without a console error, and fonts come only for the language shown. The Kannada font is
 * 28 KB a weight on a slow line: a page in English must not fetch it, and a page in Kannada must
 * draw its text with it.
 */

const kannadaFont = /noto-sans-kannada[^/]*\.woff2$/;

test.describe('first load of the devotee site', () => {
  test('the home page in English: no console error, no CSP violation, no Kannada font', async ({
    page,
  }) => {
    const watch = await watchPage(page);
    await page.addInitScript(() => window.localStorage.setItem('sevabook.language', 'en'));
    await page.goto('/');
    await settle(page);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    // The language switch names Kannada in its own script, from a font made of those letters.
    await expect(page.getByRole('button', { name: 'ಕನ್ನಡ' })).toBeVisible();
    const labelFontIn = await page.evaluate(() =>
      document.fonts.check("700 18px 'Sevabook language names'", 'ಕನ್ನಡ'),
    );
    expect(labelFontIn).toBe(true);
    expect(await watch.cspViolations()).toEqual([]);
    expect(watch.errors).toEqual([]);
    expect(watch.requests.filter((url) => kannadaFont.test(url))).toEqual([]);
    expect(watch.requests.some((url) => /noto-sans-latin-400[^/]*\.woff2$/.test(url))).toBe(true);
  });

  test('the home page in Kannada draws its text in Noto Sans Kannada', async ({ page }) => {
    const watch = await watchPage(page);
    await page.addInitScript(() => window.localStorage.setItem('sevabook.language', 'kn'));
    await page.goto('/');
    await settle(page);
    await expect(page.locator('html')).toHaveAttribute('lang', 'kn');
    expect(watch.requests.filter((url) => kannadaFont.test(url)).length).toBeGreaterThan(0);
    const kannadaDrawn = await page.evaluate(() =>
      document.fonts.check("400 18px 'Noto Sans Kannada'", 'ಸೇವೆ'),
    );
    expect(kannadaDrawn).toBe(true);
    expect(await watch.cspViolations()).toEqual([]);
    expect(watch.errors).toEqual([]);
  });

  test("a seva's page loads without a console error or CSP violation", async ({
    page,
    request,
  }) => {
    const [seva] = await sevas(request);
    if (!seva) throw new Error('the demo temple has no seva');
    const watch = await watchPage(page);
    await page.goto(`/sevas/${seva.id}`);
    await settle(page);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    expect(await watch.cspViolations()).toEqual([]);
    expect(watch.errors).toEqual([]);
  });

  test('the site has its own favicon', async ({ request }) => {
    const response = await request.get('/favicon.svg');
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toMatch(/image\/svg\+xml/);
  });
});
