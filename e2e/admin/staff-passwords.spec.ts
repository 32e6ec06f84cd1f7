import { expect, test } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { saveViewportScreenshot, settle } from '../support/page-checks.ts';
import { bookViaApi, findBookableSlot } from '../support/temple-api.ts';
import { adminHeaders, cancelFromDayView, openDay, signIn, slotPanel } from './admin-steps.ts';

/** Characters read or copied as one another: 0/O/o, 1/l/I/i, 2/Z/z, 5/S/s, 8/B, u/v. */
const LOOK_ALIKES = /[0Oo1lIi2Zz5Ss8Buv]/;

for (const viewport of [
  { width: 1280, height: 800 },
  { width: 360, height: 640 },
]) {
  test(`a first password is typed twice and may not be a common one (${viewport.width} px)`, async ({
    page,
    request,
  }) => {
    await page.setViewportSize(viewport);
    const email = `new-${randomBytes(3).toString('hex')}@e2e.sevabook.test`;
    const created = await request.post('/api/v1/admin/users', {
      headers: await adminHeaders(request),
      data: { email, name: 'Priest Bhat', role: 'viewer' },
    });
    const { temporaryPassword } = (await created.json()) as { temporaryPassword: string };
    expect(temporaryPassword).not.toMatch(LOOK_ALIKES);

    await page.goto('/admin/login');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(temporaryPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('heading', { name: 'Choose a new password' })).toBeVisible();
    await page.getByLabel('Current password').fill(temporaryPassword);
    const next = page.getByLabel('New password', { exact: true });
    const again = page.getByLabel('New password again');
    const submit = page.getByRole('button', { name: 'Change password' });

    await next.fill('my-own-password-4729');
    await again.fill('my-own-password-4728');
    await submit.click();
    await expect(page.getByText('The two new passwords are not the same')).toBeVisible();

    await next.fill('Password@123');
    await again.fill('Password@123');
    await submit.click();
    await expect(page.getByText(/This password is too easy to guess/)).toBeVisible();
    await settle(page);
    await saveViewportScreenshot(page, 'admin-new-password-refused');

    const chosen = `temple-${randomBytes(6).toString('hex')}`;
    await next.fill(chosen);
    await again.fill(chosen);
    await submit.click();
    await expect(page.getByTestId('role-badge')).toHaveText('Viewer');
  });
}

test('on a phone, the Undo after a cancellation and the WhatsApp badges show their whole words', async ({
  page,
  request,
}) => {
  await page.setViewportSize({ width: 360, height: 640 });
  const { slot } = await findBookableSlot(request, { minRemaining: 2 });
  const booking = await bookViaApi(request, slot.id, { devoteeName: 'Phone Cancel' });
  await bookViaApi(request, slot.id, { devoteeName: 'Phone Stays' });
  await signIn(page);
  await openDay(page, slot.date, slot.id);
  const panel = slotPanel(page, slot.id);
  const badges = panel.locator('.mantine-Badge-root');
  await expect(badges.first()).toBeVisible();
  for (const badge of await badges.all()) {
    await badge.scrollIntoViewIfNeeded();
    expect(await badge.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
  }
  await cancelFromDayView(page, slot.id, booking.reference);
  await expect(
    page.getByText(`${booking.reference} is cancelled; 1 place is free again.`),
  ).toBeVisible();
  const undo = page.getByRole('button', { name: 'Undo' });
  await expect(undo).toBeVisible();
  const fits = await undo.evaluate((el) => {
    const label = el.querySelector('.mantine-Button-label') ?? el;
    return (
      label.scrollWidth <= label.clientWidth + 1 &&
      el.getBoundingClientRect().right <= window.innerWidth
    );
  });
  expect(fits).toBe(true);
  await expect(undo).toHaveText('Undo');
  await saveViewportScreenshot(page, 'admin-cancel-undo');
});
