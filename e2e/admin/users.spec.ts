import { expect, test, type Page } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { signIn } from './admin-steps.ts';

test('an admin adds a staff member, who must choose a password, and can deactivate them', async ({
  page,
  browser,
}) => {
  const email = `priest-${randomBytes(3).toString('hex')}@e2e.sevabook.test`;
  await signIn(page);
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Staff accounts' })
    .click();
  await page.getByLabel('Name').fill('Priest Upadhyaya');
  await page.getByLabel('Email').fill(email);
  await page.getByRole('combobox', { name: 'Role', exact: true }).click();
  await page.getByRole('option', { name: 'Viewer' }).click();
  await page.getByRole('button', { name: 'Add with a temporary password' }).click();
  const temporary = (await page.getByTestId('temporary-password').textContent()) ?? '';
  expect(temporary.length).toBeGreaterThanOrEqual(10);
  const row = page.locator(`[data-testid="user-row"][data-email="${email}"]`);
  await expect(row).toContainText('Must change password');

  // The new account's first sign-in asks for a password of its own, then opens the day view.
  const context = await browser.newContext();
  const priest = await context.newPage();
  await signInFirstTime(priest, email, temporary);
  await expect(priest.getByTestId('role-badge')).toHaveText('Viewer');
  await context.close();

  await row.getByRole('button', { name: 'Deactivate Priest Upadhyaya' }).click();
  await expect(row).toContainText('Deactivated');
});

async function signInFirstTime(page: Page, email: string, temporary: string) {
  await page.goto('/admin/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(temporary);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Choose a new password' })).toBeVisible();
  await page.getByLabel('Current password').fill(temporary);
  const chosen = `my-own-${randomBytes(6).toString('hex')}`;
  await page.getByLabel('New password', { exact: true }).fill(chosen);
  await page.getByLabel('New password again').fill(chosen);
  await page.getByRole('button', { name: 'Change password' }).click();
}
