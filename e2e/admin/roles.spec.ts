import { expect, test } from '@playwright/test';
import { findBookableSlot, bookViaApi } from '../support/temple-api.ts';
import { createStaffUser, openDay, signIn, slotPanel } from './admin-steps.ts';

test.describe('staff roles', () => {
  test('an admin sees every screen and every button that changes things', async ({
    page,
    request,
  }) => {
    const { slot } = await findBookableSlot(request, { minRemaining: 2 });
    const booking = await bookViaApi(request, slot.id, { devoteeName: 'Role Check Admin' });
    await signIn(page);
    await expect(page.getByTestId('role-badge')).toHaveText('Admin');
    const nav = page.getByRole('navigation', { name: 'Main' });
    for (const link of [
      'Day',
      'Week and month',
      'Counter booking',
      'Sevas and schedules',
      'Notifications',
      'Staff accounts',
    ]) {
      await expect(nav.getByRole('link', { name: link })).toBeVisible();
    }
    await openDay(page, slot.date, slot.id);
    const row = slotPanel(page, slot.id).locator(`[data-reference="${booking.reference}"]`);
    await expect(
      row.getByRole('button', { name: `Cancel booking ${booking.reference}` }),
    ).toBeVisible();
    await expect(row.getByRole('button', { name: `Move ${booking.reference}` })).toBeVisible();
    await expect(row.getByRole('button', { name: `Edit ${booking.reference}` })).toBeVisible();
  });

  test('staff book and cancel but do not manage accounts or sevas', async ({ page, request }) => {
    const { slot } = await findBookableSlot(request, { minRemaining: 2 });
    const booking = await bookViaApi(request, slot.id, { devoteeName: 'Role Check Staff' });
    const staff = await createStaffUser(request, 'staff');
    await signIn(page, staff);
    await expect(page.getByTestId('role-badge')).toHaveText('Staff');
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(nav.getByRole('link', { name: 'Counter booking' })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Staff accounts' })).toHaveCount(0);
    await openDay(page, slot.date, slot.id);
    await expect(
      slotPanel(page, slot.id).getByRole('button', { name: `Cancel booking ${booking.reference}` }),
    ).toBeVisible();
    await expect(
      slotPanel(page, slot.id).getByRole('button', { name: /^Slot settings/ }),
    ).toHaveCount(0);
    await page.goto('/admin/sevas');
    await expect(
      page.getByRole('heading', { level: 1, name: 'Sevas and schedules' }),
    ).toBeVisible();
    await expect(page.getByRole('button', { name: 'New seva' })).toHaveCount(0);
  });

  test('a viewer sees the day but no button that changes anything', async ({ page, request }) => {
    const { slot } = await findBookableSlot(request, { minRemaining: 2 });
    const booking = await bookViaApi(request, slot.id, { devoteeName: 'Role Check Viewer' });
    const viewer = await createStaffUser(request, 'viewer');
    await signIn(page, viewer);
    await expect(page.getByTestId('role-badge')).toHaveText('Viewer');
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(nav.getByRole('link', { name: 'Counter booking' })).toHaveCount(0);
    await expect(nav.getByRole('link', { name: 'Staff accounts' })).toHaveCount(0);
    await openDay(page, slot.date, slot.id);
    const panel = slotPanel(page, slot.id);
    await expect(panel.locator(`[data-reference="${booking.reference}"]`)).toContainText(
      'Role Check Viewer',
    );
    for (const name of [
      /^Cancel/,
      /^Move/,
      /^Edit/,
      /^History/,
      /^Slot settings/,
      'Book this slot',
    ]) {
      await expect(panel.getByRole('button', { name })).toHaveCount(0);
    }
    await expect(page.getByRole('link', { name: 'Counter booking' })).toHaveCount(0);
    await page.goto('/admin/sevas');
    await expect(page.getByRole('button', { name: 'New seva' })).toHaveCount(0);
  });

  test('the session survives a reload and ends with sign-out', async ({ page }) => {
    await signIn(page);
    await page.reload();
    await expect(page.getByTestId('role-badge')).toHaveText('Admin');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Staff sign-in' })).toBeVisible();
    await expect(page.getByText('You have signed out.')).toBeVisible();
    await page.goto('/admin/');
    await expect(page.getByRole('heading', { level: 1, name: 'Staff sign-in' })).toBeVisible();
  });

  test('a wrong password is told in a sentence', async ({ page }) => {
    await page.goto('/admin/login');
    await page.getByLabel('Email').fill('nobody@e2e.sevabook.test');
    await page.getByLabel('Password', { exact: true }).fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert')).toHaveText(
      'That email and password do not match an active account.',
    );
  });
});
