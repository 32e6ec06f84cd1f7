import { expect, test } from '@playwright/test';
import { watchPage } from '../support/console-watch.ts';
import { signIn } from './admin-steps.ts';

/**
 * The admin site under its CSP (script-src 'self', no eval): the sign-in page and the first
 * screen after it load without a console error or a CSP violation, and the site has a favicon.
 */
test.describe('admin sign-in page', () => {
  test('loads, and signs in, without a console error or CSP violation', async ({ page }) => {
    const watch = await watchPage(page);
    await page.goto('/admin/login');
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
    expect(await watch.cspViolations()).toEqual([]);
    expect(watch.errors).toEqual([]);

    await signIn(page);
    await expect(page).toHaveURL(/\/admin\/day/);
    expect(await watch.cspViolations()).toEqual([]);
    expect(watch.errors).toEqual([]);
  });

  test('names its own favicon, served from the admin site', async ({ page, request }) => {
    await page.goto('/admin/login');
    const href = await page.locator('link[rel="icon"]').getAttribute('href');
    expect(href).toBe('/admin/favicon.svg');
    const response = await request.get(href!);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toMatch(/image\/svg\+xml/);
  });
});
