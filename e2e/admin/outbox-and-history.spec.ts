import { expect, test, type Page } from '@playwright/test';
import { withTestDatabase } from '../support/database.ts';
import { saveScreenshot, saveViewportScreenshot, settle } from '../support/page-checks.ts';
import { bookViaApi, findBookableSlot } from '../support/temple-api.ts';
import { adminHeaders, createStaffUser, openDay, signIn, slotPanel } from './admin-steps.ts';

/** "10:42" of an instant in the temple's zone (Asia/Kolkata, UTC+5:30, no summer time). */
function templeClock(at: Date): string {
  const minutes = (at.getUTCHours() * 60 + at.getUTCMinutes() + 330) % 1440;
  const h = Math.floor(minutes / 60);
  return `${h % 12 || 12}:${String(minutes % 60).padStart(2, '0')}`;
}

/** Nothing on the screen is cut short: every button and badge shows its whole word. */
async function expectNothingCut(page: Page, selector: string) {
  const cut = await page.locator(selector).evaluateAll((els) =>
    els
      .filter((el) => el.getBoundingClientRect().width > 0)
      .filter((el) => el.scrollWidth > el.clientWidth + 1)
      .map((el) => el.textContent),
  );
  expect(cut).toEqual([]);
}

test.describe('a WhatsApp outage is seen', () => {
  let reference = '';
  test.afterEach(async () => {
    // Leave no retrying message behind for the other specs' screens.
    await withTestDatabase((c) =>
      c.query(
        `UPDATE notification n JOIN booking b ON b.id = n.booking_id
            SET n.status = 'sent', n.last_error = NULL, n.last_error_code = NULL
          WHERE b.reference = ? AND n.kind = 'confirmation'`,
        [reference],
      ),
    );
  });

  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 360, height: 640 },
  ]) {
    test(`messages retrying after WhatsApp could not be reached are told on the day view and first in notifications (${viewport.width} px)`, async ({
      page,
      request,
    }) => {
      await page.setViewportSize(viewport);
      const { slot } = await findBookableSlot(request, { minRemaining: 1 });
      const booking = await bookViaApi(request, slot.id, { devoteeName: 'Outage Devotee' });
      reference = booking.reference;
      const nextTry = new Date(Date.now() + 50 * 60_000);
      // What the notifier leaves after a send that could not connect: pending again, with its error.
      await expect
        .poll(() =>
          withTestDatabase(async (c) => {
            const result: unknown = await c.query(
              `UPDATE notification n JOIN booking b ON b.id = n.booking_id
                  SET n.status = 'pending', n.attempts = 2, n.due_at = ?,
                      n.last_error = 'connect ECONNREFUSED 127.0.0.1:443', n.last_error_code = 'ECONNREFUSED'
                WHERE b.reference = ? AND n.kind = 'confirmation' AND n.status IN ('sent', 'pending', 'delivered')`,
              [nextTry, booking.reference],
            );
            return (result as { affectedRows: number }).affectedRows;
          }),
        )
        .toBe(1);

      await signIn(page);
      await openDay(page, slot.date, slot.id);
      const banner = page.getByTestId('outbox-banner');
      await expect(banner).toContainText(
        new RegExp(
          `WhatsApp could not be reached; retrying, next try ${templeClock(nextTry)}\\s?[ap]m`,
          'i',
        ),
      );
      await expect(banner).toContainText(/\d+ messages? (is|are) waiting to be sent again/);
      await expect(
        slotPanel(page, slot.id).locator(`[data-reference="${booking.reference}"]`),
      ).toBeVisible();
      await settle(page);
      await expectNothingCut(page, '.mantine-Badge-root, button');
      await saveScreenshot(page, 'admin-day-outbox-banner');

      await banner.getByRole('link', { name: 'See the messages' }).click();
      await expect(page.getByRole('radio', { name: 'Needs attention' })).toBeChecked();
      const listed = page.locator(
        `[data-testid="notification-row"][data-reference="${booking.reference}"]`,
      );
      await expect(listed).toContainText('Retrying');
      await expect(listed).toContainText('ECONNREFUSED');
      await settle(page);
      await expectNothingCut(page, '.mantine-Badge-root, .mantine-Chip-label, button');
      await saveScreenshot(page, 'admin-notifications-retrying');
    });
  }
});

test('booking history reads as sentences: a move names the times and who moved it', async ({
  page,
  request,
}) => {
  const { seva, slot } = await findBookableSlot(request, { minRemaining: 1 });
  const headers = await adminHeaders(request);
  const time = `21:${String(10 + (Date.now() % 49)).padStart(2, '0')}`;
  const extra = await request.post('/api/v1/admin/slots', {
    headers,
    data: { sevaId: seva.id, date: slot.date, time, note: 'History spec' },
  });
  expect(extra.status()).toBe(201);
  const target = (await extra.json()) as { id: number };
  const booking = await bookViaApi(request, slot.id, { devoteeName: 'History Devotee' });
  const id = await withTestDatabase(async (c) => {
    const rows: { id: number }[] = await c.query('SELECT id FROM booking WHERE reference = ?', [
      booking.reference,
    ]);
    return rows[0]!.id;
  });
  const moved = await request.patch(`/api/v1/admin/bookings/${id}`, {
    headers,
    data: { slotId: target.id },
  });
  expect(moved.status()).toBe(200);

  await signIn(page);
  await openDay(page, slot.date, target.id);
  await slotPanel(page, target.id)
    .getByRole('button', { name: `History ${booking.reference}` })
    .click();
  const history = page.getByRole('dialog', { name: `History of ${booking.reference}` });
  const [h, m] = time.split(':').map(Number) as [number, number];
  await expect(history.getByTestId('history-entry').first()).toContainText(
    new RegExp(
      `^Moved from \\d{1,2}:\\d\\d [ap]m to ${h % 12 || 12}:${String(m).padStart(2, '0')} pm by \\S`,
    ),
  );
  await expect(history).toContainText('Booked by the devotee:');
  await expect(history).not.toContainText('slotId');
  await settle(page);
  await saveViewportScreenshot(page, 'admin-booking-history');
  await page.setViewportSize({ width: 360, height: 640 });
  await saveViewportScreenshot(page, 'admin-booking-history');
});

test('a viewer is not offered the N key for a new booking', async ({ page, request }) => {
  const viewer = await createStaffUser(request, 'viewer');
  await signIn(page, viewer);
  await expect(page.getByText(/^Keys: ← → change day, T today, \/ search$/)).toBeVisible();
  await expect(page.getByText(/N new booking/)).toHaveCount(0);
  await signIn(page);
  await expect(page.getByText(/N new booking/)).toBeVisible();
});
