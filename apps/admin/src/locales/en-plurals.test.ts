import type { TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupI18n } from '../lib/i18n.ts';

let t: TFunction;

beforeAll(async () => {
  t = (await setupI18n()).t;
});

describe('English counts of bookings, persons and places', () => {
  it('reads "1 booking, 1 person" on the day sheet', () => {
    const sheetTotals = (bookings: number, persons: number) =>
      t('sheet.totals', {
        bookings: t('sheet.bookingCount', { count: bookings }),
        persons: t('sheet.personCount', { count: persons }),
      });
    expect(sheetTotals(1, 1)).toBe('Total: 1 booking, 1 person');
    expect(sheetTotals(2, 3)).toBe('Total: 2 bookings, 3 persons');
  });

  it('reads "1 booking · 1 person" on the day view', () => {
    const dayTotals = (bookings: number, persons: number) =>
      t('day.totals', {
        bookings: t('day.bookingCount', { count: bookings }),
        persons: t('day.personCount', { count: persons }),
        fees: '₹0',
      });
    expect(dayTotals(1, 1)).toBe('1 booking · 1 person · ₹0 in fees');
    expect(dayTotals(2, 3)).toBe('2 bookings · 3 persons · ₹0 in fees');
  });

  it('reads "1 of 1 place booked" for a one-place slot', () => {
    expect(t('sheet.slotSummary', { booked: 1, count: 1 })).toBe('1 of 1 place booked');
    expect(t('sheet.slotSummary', { booked: 1, count: 10 })).toBe('1 of 10 places booked');
  });
});
