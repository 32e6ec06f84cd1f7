import { expect, type APIRequestContext, type Page } from '@playwright/test';
import type { CreatedBooking, Seva, Slot } from '@sevabook/shared';
import { bookViaApi, findBookableSlot } from './temple-api.ts';

/** What the walk through every devotee page shows: a seva, one of its slots, two bookings. */
export interface DevoteePagesData {
  seva: Seva;
  slot: Slot;
  /** A confirmed booking of two persons. */
  booking: CreatedBooking;
  /** A booking the devotee has cancelled. */
  cancelled: CreatedBooking;
}

/** Books what the devotee pages need, on a slot of a seva that asks for the nakshatra. */
export async function prepareDevoteePages(request: APIRequestContext): Promise<DevoteePagesData> {
  const { seva, slot } = await findBookableSlot(request, {
    minRemaining: 3,
    seva: (s) => s.asks.nakshatra,
  });
  const booking = await bookViaApi(request, slot.id, { persons: 2, devoteeName: 'Lakshmi Rao' });
  const cancelled = await bookViaApi(request, slot.id, { persons: 1, devoteeName: 'Ramesh Kumar' });
  const response = await request.post(`/api/v1/bookings/${cancelled.reference}/cancel`, {
    headers: { 'X-Booking-Token': cancelled.manageToken },
    data: {},
  });
  expect(response.ok()).toBe(true);
  return { seva, slot, booking, cancelled };
}

/** A seva's page with the slot's date chosen, once the slot is shown. */
export async function openSevaOnDate(page: Page, seva: Seva, slot: Slot): Promise<void> {
  await page.goto(`/sevas/${seva.id}?date=${slot.date}`);
  await expect(page.getByTestId(`slot-${slot.id}`)).toBeVisible();
}

/** The slot's booking form, empty. */
export async function openEmptyBookingForm(page: Page, seva: Seva, slot: Slot): Promise<void> {
  await page.goto(`/sevas/${seva.id}/slots/${slot.id}/book`);
  await expect(page.locator('form')).toBeVisible();
}

/** Sends the booking form as it is, and waits for its errors. */
export async function submitForErrors(page: Page): Promise<void> {
  await page.locator('button[type="submit"]').click();
  await expect(page.locator('[aria-invalid="true"]').first()).toBeVisible();
}

/** The confirmation page a devotee lands on after booking. */
export async function openConfirmation(page: Page, booking: CreatedBooking): Promise<void> {
  await page.goto(`/booked/${booking.reference}?token=${booking.manageToken}`);
  await expect(page.getByTestId('booking-reference')).toHaveText(booking.reference);
}

/** The booking's manage page, opened by its manage link. */
export async function openManage(page: Page, booking: CreatedBooking): Promise<void> {
  await page.goto(`/manage/${booking.reference}?token=${booking.manageToken}`);
  await expect(page.getByTestId('booking-status')).toBeVisible();
}

/** The page shown for an address the site does not have. */
export async function openNotFound(page: Page): Promise<void> {
  await page.goto('/no-such-page');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
}
