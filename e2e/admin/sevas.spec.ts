import { expect, test } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { settle } from '../support/page-checks.ts';
import { addDays, slotsOf } from '../support/temple-api.ts';
import { signIn } from './admin-steps.ts';

test('an admin creates a seva with a weekly schedule, previews its slots, and devotees can book them', async ({
  page,
  request,
}) => {
  const suffix = randomBytes(3).toString('hex');
  const nameEn = `Vahana Seva ${suffix}`;
  await signIn(page);
  await page.goto('/admin/sevas');
  await page.getByRole('button', { name: 'New seva' }).click();
  const dialog = page.getByRole('dialog', { name: 'New seva' });
  await dialog.getByLabel('Name in English').fill(nameEn);
  await dialog.getByLabel('Name in Kannada').fill(`ವಾಹನ ಸೇವೆ ${suffix}`);
  await dialog.getByLabel('Web address name').fill(`vahana-seva-${suffix}`);
  await dialog
    .getByLabel('Description in English')
    .fill('The deity is taken round the temple on a vahana.');
  await dialog.getByLabel('Description in Kannada').fill('ದೇವರ ವಾಹನ ಸೇವೆ.');
  await dialog.getByLabel('Fee per person (₹)').fill('150');
  await dialog.getByLabel('Places per slot').fill('12');
  // What devotees are told for the day: when to arrive, what to bring, in both languages.
  await dialog.getByLabel('Arrive (min before)').fill('20');
  await dialog.getByLabel('What to bring or wear, in English').fill('The vehicle, washed.');
  await dialog.getByLabel('What to bring or wear, in Kannada').fill('ತೊಳೆದ ವಾಹನ.');
  await dialog.getByRole('button', { name: 'Create seva' }).click();

  await expect(page.getByRole('heading', { level: 1, name: nameEn })).toBeVisible();
  const sevaId = Number(/\/sevas\/(\d+)/.exec(page.url())?.[1]);
  expect(sevaId).toBeGreaterThan(0);
  const created = await request.get(`/api/v1/sevas/${sevaId}`);
  expect(await created.json()).toMatchObject({
    arriveMinutesBefore: 20,
    bringNote: { en: 'The vehicle, washed.', kn: 'ತೊಳೆದ ವಾಹನ.' },
  });
  await expect(page.getByText('No schedule yet: this seva has no regular slots.')).toBeVisible();

  // Every day at two times; the preview lists the slots before anything is saved.
  const form = page.getByRole('form', { name: 'Add a weekly schedule' });
  for (const day of ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'])
    await form.getByText(day, { exact: true }).click();
  await form.getByLabel('Start times').fill('07:15, 17:45');
  const preview = page.getByTestId('slot-preview');
  // Every day at two times over 14 days, less any date the temple has closed.
  await expect(preview).toContainText(/next 14 days: (2[0-8]) slots/);
  await expect(preview).toContainText('7:15 am');
  await form.getByRole('button', { name: 'Save schedule' }).click();
  await expect(page.getByText(/Schedule saved: \d+ slots made/)).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Mon, Tue, Wed, Thu, Fri, Sat, Sun' })).toBeVisible();
  await expect(page.getByTestId('upcoming-slots')).toContainText('5:45 pm');

  // The devotee site lists the new seva and its slots.
  const today = new Date().toISOString().slice(0, 10);
  const slots = await slotsOf(request, sevaId, addDays(today, 1), addDays(today, 2));
  expect(slots.length).toBeGreaterThanOrEqual(2);
  expect(new Set(slots.map((s) => s.time))).toEqual(new Set(['07:15', '17:45']));
  expect(slots.every((s) => s.capacity === 12 && s.bookable)).toBe(true);
  await page.goto('/');
  await settle(page);
  await page
    .getByRole('article', { name: nameEn })
    .getByRole('link', { name: /Choose a date/ })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: nameEn })).toBeVisible();
  await settle(page);
  await page.locator(`[data-date="${slots[0]!.date}"]`).click();
  await expect(page.getByTestId(`slot-${slots[0]!.id}`)).toContainText('12 places left');
});

test('closing a date for a festival takes its slots away', async ({ page, request }) => {
  await signIn(page);
  await page.goto('/admin/sevas');
  await page.getByTestId('seva-row').first().getByRole('link').click();
  const sevaId = Number(/\/sevas\/(\d+)/.exec(page.url())?.[1]);
  const date = addDays(new Date().toISOString().slice(0, 10), 40);
  const form = page.getByRole('form', { name: 'Close date' });
  await form.getByLabel('Date').fill(date);
  await form.getByLabel('Reason').fill('Solar eclipse');
  await form.getByRole('button', { name: 'Close date' }).click();
  // Nothing is closed until the count of what it cancels has been seen and confirmed.
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /^Close (date|and cancel \d+ bookings?)$/ })
    .click();
  await expect(page.getByText(/^Closed .*: \d+ slots and \d+ bookings cancelled\.$/)).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Solar eclipse' })).toBeVisible();
  const open = (await slotsOf(request, sevaId, date, date)).filter((s) => s.status === 'open');
  expect(open).toEqual([]);
});
