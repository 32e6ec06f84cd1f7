import { expect, test } from '@playwright/test';
import { openBookingForm } from '../support/booking-steps.ts';
import { withTestDatabase } from '../support/database.ts';
import { expectAccessible, saveScreenshot } from '../support/page-checks.ts';
import { bookViaApi, findBookableSlot, uniquePhone } from '../support/temple-api.ts';

/** Leaves exactly one place in a slot, as if the temple had nearly filled it. */
async function leaveOnePlace(slotId: number): Promise<void> {
  await withTestDatabase((c) =>
    c.query('UPDATE slot SET capacity = booked + 1 WHERE id = ?', [slotId]),
  );
}

test.describe('the last place is taken while the form is open', () => {
  test('the form says so at once and offers the next times of the same seva', async ({
    page,
    request,
  }) => {
    const { seva, slot } = await findBookableSlot(request);
    await openBookingForm(page, seva, slot);
    await page.getByLabel('Devotee’s name').fill('Late Devotee');
    await page.getByLabel('WhatsApp number').fill(uniquePhone());

    await leaveOnePlace(slot.id);
    await bookViaApi(request, slot.id, { persons: 1 });

    const alert = page
      .getByRole('alert')
      .filter({ hasText: 'the last places at this time were just taken' });
    await expect(alert).toBeVisible({ timeout: 20_000 });
    await expect(page.getByRole('button', { name: 'Confirm booking' })).toHaveCount(0);
    const offers = alert.getByRole('link');
    await expect(offers.first()).toBeVisible();
    expect(await offers.count()).toBeGreaterThan(0);
    expect(await offers.count()).toBeLessThanOrEqual(3);
    await expectAccessible(page, 'just filled');
    await saveScreenshot(page, 'flow-just-filled');

    // An offered time opens its own form, with what the devotee had typed already filled in.
    await offers.first().click();
    await expect(page.getByRole('button', { name: 'Confirm booking' })).toBeVisible();
    await expect(page.getByLabel('Devotee’s name')).toHaveValue('Late Devotee');
  });

  test('without live updates, pressing the button gives the same friendly answer', async ({
    page,
    request,
  }) => {
    const { seva, slot } = await findBookableSlot(request);
    // As on a network that drops the stream: the form learns only from the booking's answer.
    await page.route('**/api/v1/availability/stream**', (route) => route.abort());
    await openBookingForm(page, seva, slot);
    await page.getByLabel('Devotee’s name').fill('Late Devotee');
    await page.getByLabel('WhatsApp number').fill(uniquePhone());

    await leaveOnePlace(slot.id);
    await bookViaApi(request, slot.id, { persons: 1 });
    await page.getByRole('button', { name: 'Confirm booking' }).click();

    const alert = page
      .getByRole('alert')
      .filter({ hasText: 'the last places at this time were just taken' });
    await expect(alert).toBeVisible();
    await expect(alert.getByRole('link').first()).toBeVisible();
    // Nothing was booked for this devotee.
    const rows = await withTestDatabase((c) =>
      c.query(
        "SELECT COUNT(*) AS n FROM booking WHERE slot_id = ? AND devotee_name = 'Late Devotee'",
        [slot.id],
      ),
    );
    expect(Number((rows as Array<{ n: number | bigint }>)[0]?.n)).toBe(0);
  });
});
