import type { AdminBooking, CreateBookingInput } from '@sevabook/shared';

/**
 * What "undo" sends after a cancellation: the same devotee, slot, persons and sankalpa as a new
 * booking. The places are taken again only if they are still free (the API checks capacity).
 */
export function rebookInput(booking: AdminBooking): CreateBookingInput {
  const input: CreateBookingInput = {
    slotId: booking.slot.id,
    devoteeName: booking.devoteeName,
    phone: booking.phone,
    persons: booking.persons,
    language: booking.language,
  };
  if (booking.email) input.email = booking.email;
  if (booking.gotra) input.gotra = booking.gotra;
  if (booking.nakshatra) input.nakshatra = booking.nakshatra as CreateBookingInput['nakshatra'];
  if (booking.rashi) input.rashi = booking.rashi as CreateBookingInput['rashi'];
  return input;
}
