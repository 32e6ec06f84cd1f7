import { templeTimeOf } from '@sevabook/shared';
import type { BookingStatus } from '../generated/prisma/client.ts';

/** What the day sheet and the day view show of a booking's arrival at the gate. */
export function arrivalOf(
  booking: { arrivedAt: Date | null; arrivedByStaff: { name: string } | null },
  timeZone: string,
) {
  return {
    arrivedAt: booking.arrivedAt?.toISOString() ?? null,
    arrivedTime: booking.arrivedAt ? templeTimeOf(booking.arrivedAt, timeZone) : null,
    arrivedBy: booking.arrivedByStaff?.name ?? null,
  };
}

/** A slot's arrivals against what it expects: its confirmed bookings and their persons. */
export function arrivalsOf(
  bookings: readonly { status: BookingStatus; persons: number; arrivedAt: Date | null }[],
) {
  const arrivals = { bookings: 0, persons: 0, expectedBookings: 0, expectedPersons: 0 };
  for (const b of bookings) {
    if (b.status !== 'confirmed') continue;
    arrivals.expectedBookings += 1;
    arrivals.expectedPersons += b.persons;
    if (b.arrivedAt) {
      arrivals.bookings += 1;
      arrivals.persons += b.persons;
    }
  }
  return arrivals;
}

/** The booking rows the day sheet reads to say who checked each in. */
export const arrivedByInclude = { arrivedByStaff: { select: { name: true } } } as const;
