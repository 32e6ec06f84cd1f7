import { expect, test } from '@playwright/test';
import { placesOf } from '../support/booking-steps.ts';
import { settle } from '../support/page-checks.ts';
import { bookViaApi, findBookableSlot, slot as slotNow, slotsOf } from '../support/temple-api.ts';
import {
  adminHeaders,
  bookingRow,
  cancelFromDayView,
  openDay,
  remainingOf,
  signIn,
  slotPanel,
} from './admin-steps.ts';

test.describe('bookings in the day view', () => {
  test('cancel in one click frees the places at once, on the devotee site too, and undo restores the same booking without a word to the devotee', async ({
    page,
    browser,
    request,
  }) => {
    const { seva, slot } = await findBookableSlot(request, {
      minRemaining: 3,
      seva: (s) => s.maxPersonsPerBooking >= 2,
    });
    // A name of this run's own: an earlier run's restored devotee may sit in the same slot.
    // (Letters only: a name holds no digits.)
    const runLetters = Date.now()
      .toString(36)
      .replace(/\d/g, (d) => 'abcdefghij'[Number(d)]!);
    const devoteeName = `Cancel Me ${runLetters}`;
    const booking = await bookViaApi(request, slot.id, { persons: 2, devoteeName });
    const before = (await slotNow(request, slot.id)).remaining;

    // A devotee has the seva open on a phone while staff work: both follow the same slot live.
    const devotee = await browser.newPage({ viewport: { width: 360, height: 640 } });
    await devotee.goto(`/sevas/${seva.id}`);
    await settle(devotee);
    await devotee.locator(`[data-date="${slot.date}"]`).click();
    await expect(placesOf(devotee, slot)).toHaveText(`${before} places left`);

    await signIn(page);
    await openDay(page, slot.date, slot.id);
    await expect(remainingOf(page, slot.id)).toHaveText(String(before));
    const row = bookingRow(page, slot.id, booking.reference);
    await cancelFromDayView(page, slot.id, booking.reference);

    await expect(
      page.getByText(`${booking.reference} is cancelled; 2 places are free again.`),
    ).toBeVisible();
    await expect(remainingOf(page, slot.id)).toHaveText(String(before + 2));
    await expect(row).toHaveCount(0);
    await expect(placesOf(devotee, slot)).toHaveText(`${before + 2} places left`);
    expect((await slotNow(request, slot.id)).remaining).toBe(before + 2);

    // Undo restores the same booking: same reference, same manage link, its places taken back.
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(
      page.getByText(`Cancellation undone: ${booking.reference} is confirmed again.`),
    ).toBeVisible();
    await expect(remainingOf(page, slot.id)).toHaveText(String(before));
    await expect(row).toHaveCount(1);
    await expect(
      slotPanel(page, slot.id).getByRole('row').filter({ hasText: devoteeName }),
    ).toHaveCount(1);
    await expect(placesOf(devotee, slot)).toHaveText(`${before} places left`);
    expect((await slotNow(request, slot.id)).remaining).toBe(before);
    const manage = await request.get(`/api/v1/bookings/${booking.reference}`, {
      headers: { 'x-booking-token': booking.manageToken },
    });
    expect(((await manage.json()) as { status: string }).status).toBe('confirmed');

    // The devotee heard of neither: the held cancellation message was withdrawn, not sent.
    const messages = await request.get(
      `/api/v1/admin/notifications?reference=${booking.reference}`,
      { headers: await adminHeaders(request) },
    );
    const items = ((await messages.json()) as { items: { kind: string; status: string }[] }).items;
    expect(items.filter((m) => m.kind !== 'confirmation' && m.kind !== 'reminder')).toEqual([
      expect.objectContaining({ kind: 'cancellation', status: 'cancelled' }),
    ]);

    // The booking's history tells both steps, as two entries of the one booking.
    await row.getByRole('button', { name: `History ${booking.reference}` }).click();
    const history = page.getByRole('dialog', { name: `History of ${booking.reference}` });
    await expect(history.getByText(/^Cancelled by .+: “Devotee asked to cancel”\.$/)).toBeVisible();
    await expect(history.getByText(/^Cancellation undone by .+\.$/)).toBeVisible();
    await devotee.close();
  });

  test('a booking moves to another slot of the same seva that has room', async ({
    page,
    request,
  }) => {
    const { seva, slot } = await findBookableSlot(request, {
      minRemaining: 2,
      seva: (s) => s.defaultCapacity >= 10,
    });
    const others = (await slotsOf(request, seva.id, slot.date, slot.date)).filter(
      (s) => s.id !== slot.id && s.remaining >= 1,
    );
    test.skip(others.length === 0, 'The demo data has one slot a day for every roomy seva');
    const target = others[0]!;
    const booking = await bookViaApi(request, slot.id, { devoteeName: 'Move Me' });

    await signIn(page);
    await openDay(page, slot.date, slot.id);
    await slotPanel(page, slot.id)
      .getByRole('button', { name: `Move ${booking.reference}` })
      .click();
    const dialog = page.getByRole('dialog', { name: `Move ${booking.reference} to another slot` });
    await expect(dialog.getByRole('radio')).not.toHaveCount(0);
    await dialog
      .getByRole('radio', { name: new RegExp(`${target.remaining} of ${target.capacity} free`) })
      .first()
      .check();
    await dialog.getByRole('button', { name: 'Move booking' }).click();
    await expect(page.getByText(new RegExp(`${booking.reference} moved to`))).toBeVisible();
    await expect(bookingRow(page, target.id, booking.reference)).toBeVisible();
    await expect(bookingRow(page, slot.id, booking.reference)).toHaveCount(0);
    expect((await slotNow(request, target.id)).remaining).toBe(target.remaining - 1);
  });

  test('details are edited in place and the history shows who changed what', async ({
    page,
    request,
  }) => {
    const { slot } = await findBookableSlot(request, { minRemaining: 1 });
    const booking = await bookViaApi(request, slot.id, { devoteeName: 'Edit Me' });

    await signIn(page);
    await openDay(page, slot.date, slot.id);
    await slotPanel(page, slot.id)
      .getByRole('button', { name: `Edit ${booking.reference}` })
      .click();
    const dialog = page.getByRole('dialog', { name: `Edit ${booking.reference}` });
    await dialog.getByLabel('Devotee').fill('Edited Devotee');
    await dialog.getByLabel('Gotra').fill('Vasishta');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByText(`${booking.reference} saved.`)).toBeVisible();
    const row = bookingRow(page, slot.id, booking.reference);
    await expect(row).toContainText('Edited Devotee');
    await expect(row).toContainText('Vasishta');

    await row.getByRole('button', { name: `History ${booking.reference}` }).click();
    const history = page.getByRole('dialog', { name: `History of ${booking.reference}` });
    await expect(history).toContainText('Edited Devotee');
  });

  test('quick search finds a booking by reference and opens its day', async ({ page, request }) => {
    const { slot } = await findBookableSlot(request, { minRemaining: 1 });
    const booking = await bookViaApi(request, slot.id, { devoteeName: 'Find Me Quickly' });
    await signIn(page);
    await openDay(page, slot.date);
    await page.keyboard.press('/');
    await page.keyboard.type(booking.reference);
    const result = page.getByTestId('search-result').filter({ hasText: booking.reference });
    await expect(result).toContainText('Find Me Quickly');
    await result.getByRole('link', { name: 'Open day' }).click();
    await expect(slotPanel(page, slot.id)).toHaveAttribute('data-highlight', 'true');
  });

  test('the date moves with the arrow keys', async ({ page }) => {
    await signIn(page);
    await openDay(page, '2030-01-15');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tuesday, 15 January 2030');
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Wednesday, 16 January 2030');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Monday, 14 January 2030');
    await expect(
      page.getByRole('status').filter({ hasText: 'No slots on this day.' }),
    ).toBeVisible();
  });
});
