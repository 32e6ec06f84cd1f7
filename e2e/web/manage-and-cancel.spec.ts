import { expect, test } from '@playwright/test';
import { placesOf } from '../support/booking-steps.ts';
import { withTestDatabase } from '../support/database.ts';
import { expectAccessible, saveScreenshot, settle } from '../support/page-checks.ts';
import { bookViaApi, findBookableSlot, pathOf, slot as getSlot } from '../support/temple-api.ts';

test.describe('the manage link', () => {
  test('cancels after a confirmation step, and the places come back', async ({ page, request }) => {
    const { seva, slot } = await findBookableSlot(request, {
      minRemaining: 3,
      seva: (s) => s.maxPersonsPerBooking >= 3,
    });
    const booking = await bookViaApi(request, slot.id, { persons: 3 });
    const before = (await getSlot(request, slot.id)).remaining;

    await page.goto(pathOf(booking.manageUrl));
    await settle(page);
    await expect(page.getByTestId('booking-reference')).toHaveText(booking.reference);
    await expect(page.getByTestId('booking-status')).toHaveText('Confirmed');
    await expect(page.getByText(/You can cancel online until/)).toBeVisible();

    await page.getByRole('button', { name: 'Cancel this booking' }).click();
    await expect(page.getByRole('heading', { name: 'Cancel this booking?' })).toBeVisible();
    await expectAccessible(page, 'cancel confirmation step');
    await saveScreenshot(page, 'flow-cancel-confirm');
    // "No" keeps it.
    await page.getByRole('button', { name: 'No, keep it' }).click();
    await expect(page.getByTestId('booking-status')).toHaveText('Confirmed');

    await page.getByRole('button', { name: 'Cancel this booking' }).click();
    await page.getByRole('button', { name: 'Yes, cancel it' }).click();
    await expect(page.getByText('Your booking is cancelled.', { exact: false })).toBeVisible();
    await expect(page.getByTestId('booking-status')).toHaveText('Cancelled');

    const rows = await withTestDatabase((c) =>
      c.query(
        'SELECT b.status, s.booked, s.capacity FROM booking b JOIN slot s ON s.id = b.slot_id WHERE b.reference = ?',
        [booking.reference],
      ),
    );
    const row = (rows as Array<{ status: string; booked: number; capacity: number }>)[0]!;
    expect(row.status).toBe('cancelled');
    expect(row.capacity - row.booked).toBe(before + 3);

    await page.goto(`/sevas/${seva.id}?date=${slot.date}`);
    await settle(page);
    await expect(placesOf(page, slot)).toHaveText(`${before + 3} places left`);
  });

  test('after the cut-off, says plainly why it cannot be cancelled online', async ({
    page,
    request,
  }) => {
    const { slot } = await findBookableSlot(request);
    const booking = await bookViaApi(request, slot.id);
    // Move the slot to start in five minutes: past every seva's cut-off.
    await withTestDatabase((c) =>
      c.query(
        'UPDATE slot SET starts_at = DATE_ADD(UTC_TIMESTAMP(), INTERVAL 5 MINUTE) WHERE id = ?',
        [slot.id],
      ),
    );

    await page.goto(pathOf(booking.manageUrl));
    await settle(page);
    await expect(
      page.getByText(/Online cancellation closed on .*please speak to the temple counter/),
    ).toBeVisible();
    await expect(page.getByRole('button', { name: 'Cancel this booking' })).toHaveCount(0);
    await expectAccessible(page, 'manage after cut-off');
    await saveScreenshot(page, 'flow-manage-too-late');
  });

  test('with a wrong token, answers like an unknown booking', async ({ page, request }) => {
    const { slot } = await findBookableSlot(request);
    const booking = await bookViaApi(request, slot.id);
    await page.goto(`/manage/${booking.reference}?token=not-the-token`);
    await expect(page.getByText(/We could not find this booking/)).toBeVisible();
    await page.goto(`/manage/${booking.reference}`);
    await expect(page.getByText(/This link is incomplete/)).toBeVisible();
  });
});
