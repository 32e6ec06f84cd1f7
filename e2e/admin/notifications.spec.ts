import { expect, test } from '@playwright/test';
import { withTestDatabase } from '../support/database.ts';
import { bookViaApi, findBookableSlot } from '../support/temple-api.ts';
import { openDay, signIn, slotPanel } from './admin-steps.ts';

test('a failed WhatsApp confirmation shows its reason and is sent again with one click', async ({
  page,
  request,
}) => {
  const { slot } = await findBookableSlot(request, { minRemaining: 1 });
  const booking = await bookViaApi(request, slot.id, { devoteeName: 'Failed Message' });

  // What Twilio would leave behind after the last attempt: a failed row with its error.
  await expect
    .poll(() =>
      withTestDatabase(async (c) => {
        const result: unknown = await c.query(
          `UPDATE notification n JOIN booking b ON b.id = n.booking_id
              SET n.status = 'failed', n.attempts = 3, n.last_error = 'Message failed to send because more than 24 hours have passed',
                  n.last_error_code = '63016'
            WHERE b.reference = ? AND n.kind = 'confirmation' AND n.status IN ('sent', 'pending', 'delivered')`,
          [booking.reference],
        );
        return (result as { affectedRows: number }).affectedRows;
      }),
    )
    .toBe(1);

  await signIn(page);
  await openDay(page, slot.date, slot.id);
  await expect(
    slotPanel(page, slot.id).locator(`[data-reference="${booking.reference}"]`),
  ).toContainText('Failed');

  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Notifications' })
    .click();
  const row = page.locator(
    `[data-testid="notification-row"][data-reference="${booking.reference}"]`,
  );
  await expect(row).toContainText('more than 24 hours have passed (63016)');
  await expect(row).toContainText('Failed');
  await row.getByRole('button', { name: `Retry ${booking.reference}` }).click();
  await expect(page.getByText('Queued again for sending.')).toBeVisible();
  await expect(row).toHaveCount(0); // it left the failed list

  const status = await withTestDatabase(async (c) => {
    const rows: Array<{ status: string }> = await c.query(
      `SELECT n.status FROM notification n JOIN booking b ON b.id = n.booking_id WHERE b.reference = ? AND n.kind = 'confirmation'`,
      [booking.reference],
    );
    return rows[0]?.status;
  });
  expect(['pending', 'sending', 'sent', 'delivered']).toContain(status);
});
