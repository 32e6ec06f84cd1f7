import { expect, test } from '@playwright/test';
import { withTestDatabase } from '../support/database.ts';
import { expectAccessible, saveScreenshot, settle } from '../support/page-checks.ts';
import { bookViaApi, findBookableSlot, uniquePhone } from '../support/temple-api.ts';
import { createStaffUser, openDay, signIn, slotPanel } from './admin-steps.ts';

test.describe('devotees’ personal data on the admin site', () => {
  test('a viewer sees a devotee’s number masked on the day view', async ({ page, request }) => {
    const { slot } = await findBookableSlot(request, { minRemaining: 1 });
    const phone = uniquePhone();
    const booking = await bookViaApi(request, slot.id, { devoteeName: 'Masked Devotee', phone });
    await signIn(page, await createStaffUser(request, 'viewer'));
    await openDay(page, slot.date, slot.id);
    const row = slotPanel(page, slot.id).locator(`[data-reference="${booking.reference}"]`);
    await expect(row).toContainText('Masked Devotee');
    const e164 = booking.phone;
    await expect(row).toContainText(`+91 ${e164.slice(3, 5)}••• ••${e164.slice(-3)}`);
    await expect(row).not.toContainText(e164.slice(-5));
  });

  test('an admin erases a devotee’s details by number, cancelling the upcoming booking that stood in the way', async ({
    page,
    request,
  }) => {
    const { slot } = await findBookableSlot(request, { minRemaining: 1 });
    const phone = uniquePhone();
    const booking = await bookViaApi(request, slot.id, { devoteeName: 'Erased Devotee', phone });
    await signIn(page);
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Devotee data' })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: 'Devotee data' })).toBeVisible();
    await expect(page.getByText(/kept for 400 days after each seva/)).toBeVisible();
    await settle(page);
    await expectAccessible(page, 'devotee data');
    await saveScreenshot(page, 'admin-devotee-data');

    await page.getByLabel('Devotee’s phone number').fill(phone);
    await page.getByRole('button', { name: 'Erase…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Erase for good?' });
    await expect(dialog).toContainText(booking.phone.slice(-5));
    await dialog.getByRole('button', { name: 'Erase for good' }).click();
    await expect(page.getByRole('alert')).toContainText(booking.reference);

    await page.getByLabel(/Also cancel this number’s upcoming bookings/).check();
    await page.getByRole('button', { name: 'Erase…' }).click();
    await dialog.getByRole('button', { name: 'Erase for good' }).click();
    await expect(page.getByRole('status')).toContainText(
      'Bookings erased: 1 (upcoming cancelled: 1)',
    );
    await saveScreenshot(page, 'admin-devotee-data-erased');

    const rows = await withTestDatabase((c) =>
      c.query('SELECT status, devotee_name AS name, phone FROM booking WHERE reference = ?', [
        booking.reference,
      ]),
    );
    expect(rows[0]).toMatchObject({ status: 'cancelled', name: 'Anonymised' });
    expect(rows[0].phone).not.toContain(booking.phone.slice(3));
  });
});
