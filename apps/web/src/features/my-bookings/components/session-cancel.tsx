import type { Booking } from '@sevabook/shared';
import type { ReactNode } from 'react';
import { CancelSteps } from '../../../components/booking/cancel-steps.tsx';
import { useCancelMyBooking } from '../api/cancel-my-booking.ts';

/**
 * Cancelling from My bookings, in the same two deliberate steps and the same words as the
 * manage page, with the session in place of the link's token.
 */
export function SessionCancel({
  booking,
  token,
  refundPolicy,
}: {
  booking: Booking;
  token: string;
  refundPolicy?: ReactNode;
}) {
  const cancel = useCancelMyBooking();
  return (
    <CancelSteps
      booking={booking}
      refundPolicy={refundPolicy}
      headingOrder={3}
      action={{ ...cancel, send: () => cancel.mutate({ reference: booking.reference, token }) }}
    />
  );
}
