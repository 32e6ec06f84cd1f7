import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import type { StaffRole } from '@sevabook/shared';

/** The first admin, created by the API's seed from the credentials global-setup.ts gave it. */
function adminCredentials(): { email: string; password: string } {
  const email = process.env.E2E_ADMIN_EMAIL;
  const password = process.env.E2E_ADMIN_PASSWORD;
  if (!email || !password)
    throw new Error('E2E_ADMIN_EMAIL is not set: run the specs through playwright.config.ts');
  return { email, password };
}

/** Signs in through the login page and waits for the staff screens. */
export async function signIn(page: Page, credentials = adminCredentials()): Promise<void> {
  await page.goto('/admin/login');
  await page.getByLabel('Email').fill(credentials.email);
  await page.getByLabel('Password', { exact: true }).fill(credentials.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('role-badge')).toBeVisible();
}

async function accessToken(
  request: APIRequestContext,
  credentials: { email: string; password: string },
): Promise<string> {
  const response = await request.post('/api/v1/auth/login', { data: credentials });
  if (!response.ok())
    throw new Error(`POST /auth/login answered ${response.status()}: ${await response.text()}`);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

/** An admin bearer header for setting things up through the admin API. */
export async function adminHeaders(request: APIRequestContext): Promise<Record<string, string>> {
  return { Authorization: `Bearer ${await accessToken(request, adminCredentials())}` };
}

/**
 * A new staff account of the given role, made as the admin would (a temporary password), with
 * its first-sign-in password change already done, so a spec can sign in with it straight away.
 */
export async function createStaffUser(
  request: APIRequestContext,
  role: StaffRole,
): Promise<{ email: string; password: string; name: string }> {
  const suffix = randomBytes(3).toString('hex');
  const email = `${role}-${suffix}@e2e.sevabook.test`;
  const name = `${role[0]!.toUpperCase()}${role.slice(1)} ${suffix}`;
  const created = await request.post('/api/v1/admin/users', {
    headers: await adminHeaders(request),
    data: { email, name, role },
  });
  if (created.status() !== 201)
    throw new Error(`POST /admin/users answered ${created.status()}: ${await created.text()}`);
  const { temporaryPassword } = (await created.json()) as { temporaryPassword: string };
  const password = `chosen-${randomBytes(8).toString('hex')}`;
  const token = await accessToken(request, { email, password: temporaryPassword });
  const changed = await request.post('/api/v1/auth/password', {
    headers: { Authorization: `Bearer ${token}` },
    data: { currentPassword: temporaryPassword, newPassword: password },
  });
  if (changed.status() !== 204)
    throw new Error(`POST /auth/password answered ${changed.status()}: ${await changed.text()}`);
  return { email, password, name };
}

/** The panel of one slot in the day view. */
export function slotPanel(page: Page, slotId: number) {
  return page.locator(`[data-testid="slot-panel"][data-slot-id="${slotId}"]`);
}

/** The number under "Remaining" of a slot in the day view. */
export function remainingOf(page: Page, slotId: number) {
  return slotPanel(page, slotId).getByTestId('remaining');
}

/** The row of a booking in a slot's panel of the day view. */
export function bookingRow(page: Page, slotId: number, reference: string) {
  return slotPanel(page, slotId).locator(`[data-reference="${reference}"]`);
}

/** Cancels a booking from its row in the day view, giving the devotee's own request as reason. */
export async function cancelFromDayView(
  page: Page,
  slotId: number,
  reference: string,
): Promise<void> {
  await bookingRow(page, slotId, reference)
    .getByRole('button', { name: `Cancel booking ${reference}` })
    .click();
  await page
    .getByRole('dialog', { name: 'Reason' })
    .getByRole('button', { name: 'Devotee asked to cancel' })
    .click();
}

export async function openDay(page: Page, date: string, slotId?: number): Promise<void> {
  await page.goto(`/admin/day?date=${date}${slotId ? `&slot=${slotId}` : ''}`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
}
