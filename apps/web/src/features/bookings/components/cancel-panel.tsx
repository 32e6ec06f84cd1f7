import type { Booking } from '@sevabook/shared';
import type { ReactNode } from 'react';
import { CancelSteps } from '../../../components/booking/cancel-steps.tsx';
import { useCancelBooking } from '../api/cancel-booking.ts';

/** The manage page's cancel, opened by the link's token. */
export function CancelPanel({
  booking,
  token,
  refundPolicy,
}: {
  booking: Booking;
  token: string;
  /** What cancelling now brings back of a paid fee, said before the devotee confirms. */
  refundPolicy?: ReactNode;
}) {
  const cancel = useCancelBooking();
  return (
    <CancelSteps
      booking={booking}
      refundPolicy={refundPolicy}
      action={{ ...cancel, send: () => cancel.mutate({ reference: booking.reference, token }) }}
    />
  );
}
