import { expect, type Page } from '@playwright/test';
import type { Seva, Slot } from '@sevabook/shared';
import { settle } from './page-checks.ts';

/** From a seva's page: choose the slot's date in the date grid, then its "Book" button. */
export async function chooseSlot(page: Page, slot: Slot): Promise<void> {
  await settle(page);
  await page.locator(`[data-date="${slot.date}"]`).click();
  await expect(page.locator(`[data-date="${slot.date}"]`)).toHaveAttribute('aria-pressed', 'true');
  await page.getByTestId(`slot-${slot.id}`).getByRole('link').click();
}

/** Opens the booking form of a slot directly, as a link shared by a relative would. */
export async function openBookingForm(page: Page, seva: Seva, slot: Slot): Promise<void> {
  await page.goto(`/sevas/${seva.id}/slots/${slot.id}/book`);
  await settle(page);
}

/** The places badge of a slot on the seva page, e.g. "12 places left". */
export function placesOf(page: Page, slot: Slot) {
  return page.getByTestId(`slot-${slot.id}`).getByTestId('places');
}
