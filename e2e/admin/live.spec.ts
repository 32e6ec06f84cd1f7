import { expect, test } from '@playwright/test';
import { bookViaApi, findBookableSlot } from '../support/temple-api.ts';
import { openDay, remainingOf, signIn, slotPanel } from './admin-steps.ts';

test('the day view follows devotees booking and cancelling, without moving the page', async ({
  page,
  request,
}) => {
  const { slot } = await findBookableSlot(request, { minRemaining: 3 });
  await page.setViewportSize({ width: 1280, height: 500 });
  await signIn(page);
  await openDay(page, slot.date, slot.id);
  await expect(page.getByTestId('live-indicator')).toHaveAttribute('data-state', 'live');
  // NOTE: the API's feed learns the current places on its first poll (every 250 ms) after a
  // listener connects and sends changes from then on; a booking before that poll is taken as
  // the starting state. Give it that first poll.
  await page.waitForTimeout(750);
  const before = Number(await remainingOf(page, slot.id).textContent());
  // Where the slot sits on the screen; other devotees may book slots above it meanwhile, which
  // the browser's scroll anchoring absorbs, so the page's scroll offset itself may change.
  const panelTop = async () => (await slotPanel(page, slot.id).boundingBox())?.y ?? NaN;
  const top = await panelTop();

  // A devotee books on their phone: the count drops and the row appears, in place.
  const booking = await bookViaApi(request, slot.id, { devoteeName: 'Live Devotee' });
  await expect(remainingOf(page, slot.id)).toHaveText(String(before - 1));
  await expect(
    slotPanel(page, slot.id).locator(`[data-reference="${booking.reference}"]`),
  ).toContainText('Live Devotee');
  expect(await panelTop()).toBeCloseTo(top, 0);

  // …and cancels with their link: the places come back.
  const cancelled = await request.post(`/api/v1/bookings/${booking.reference}/cancel`, {
    headers: { 'X-Booking-Token': booking.manageToken },
    data: {},
  });
  expect(cancelled.ok()).toBe(true);
  await expect(remainingOf(page, slot.id)).toHaveText(String(before));
  await expect(
    slotPanel(page, slot.id).locator(`[data-reference="${booking.reference}"]`),
  ).toHaveCount(0);
});
