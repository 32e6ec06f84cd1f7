import { expect, test } from '@playwright/test';

test('the devotee site is served by the API', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});
