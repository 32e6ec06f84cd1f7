import { templeDateOf, templeTimeOf, type Booking as BookingDto } from '@sevabook/shared';
import type { Booking, Seva, Slot } from '../generated/prisma/client.ts';
import type { CheckInCodes } from '../check-in/check-in-code.ts';
import { sevaName } from '../sevas/seva-dto.ts';
import { bookingWindow } from '../slots/booking-window.ts';

export type BookingWithSlot = Booking & { slot: Slot & { seva: Seva } };

export const bookingInclude = { slot: { include: { seva: true } } } as const;

export function toBookingDto(
  booking: BookingWithSlot,
  now: Date,
  timeZone: string,
  checkInCodes: CheckInCodes,
): BookingDto {
  const { slot } = booking;
  const { seva } = slot;
  const closesAt = bookingWindow(slot.startsAt, seva, timeZone).closesAt;
  return {
    reference: booking.reference,
    status: booking.status,
    source: booking.source,
    devoteeName: booking.devoteeName,
    phone: booking.phone,
    email: booking.email,
    persons: booking.persons,
    gotra: booking.gotra,
    nakshatra: booking.nakshatra,
    rashi: booking.rashi,
    language: booking.language,
    feePaise: seva.feePaise * booking.persons,
    slot: {
      id: slot.id,
      startsAt: slot.startsAt.toISOString(),
      date: templeDateOf(slot.startsAt, timeZone),
      time: templeTimeOf(slot.startsAt, timeZone),
    },
    seva: { id: seva.id, name: sevaName(seva), durationMinutes: seva.durationMinutes },
    cancellable: booking.status === 'confirmed' && now <= closesAt,
    cancellableUntil: closesAt.toISOString(),
    cancelledAt: booking.cancelledAt?.toISOString() ?? null,
    createdAt: booking.createdAt.toISOString(),
    checkInCode: checkInCodes.codeFor(booking.reference),
  };
}
