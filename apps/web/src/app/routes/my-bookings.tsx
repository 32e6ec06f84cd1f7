import type { Booking } from '@sevabook/shared';
import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { BookingDetails } from '../../features/bookings/components/booking-details.tsx';
import { PhoneField } from '../../features/bookings/components/phone-field.tsx';
import { ReferenceCard } from '../../features/bookings/components/reference-card.tsx';
import classes from '../../features/bookings/components/bookings.module.css';
import { MyBookingsPage } from '../../features/my-bookings/components/my-bookings-page.tsx';
import { ReceiptCard } from '../../features/payments/components/receipt-card.tsx';
import { RefundOnCancel } from '../../features/payments/components/refund-policy-note.tsx';
import { RefundNotice } from '../../features/payments/components/refund-notice.tsx';
import { useSeva } from '../../features/sevas/api/get-seva.ts';

/**
 * One booking as the manage page shows it: the QR for the gate while it stands, the details,
 * the receipt of its fee, and the refund of a cancelled paid booking.
 */
function BookingSummary({ booking }: { booking: Booking }) {
  const { t } = useTranslation();
  const { receipt, status } = booking;
  return (
    <Stack gap="md">
      {status === 'confirmed' ? (
        <ReferenceCard reference={booking.reference} checkInCode={booking.checkInCode} />
      ) : (
        <div>
          <Text fw={700} c="dimmed">
            {t('confirmation.reference')}
          </Text>
          <Text className={classes.reference}>{booking.reference}</Text>
        </div>
      )}
      <BookingDetails booking={booking} withStatus />
      {status === 'confirmed' && receipt && <ReceiptCard facts={{ ...booking, receipt }} />}
      {status === 'cancelled' && (receipt || booking.refund) && (
        <RefundNotice refund={booking.refund} />
      )}
    </Stack>
  );
}

/** In the cancel question of a paid booking: what cancelling now gives back (as on manage). */
function RefundPolicyOf({ booking }: { booking: Booking }) {
  const seva = useSeva(booking.seva.id);
  const hours = seva.data?.refundFullHoursBefore;
  if (!booking.receipt || hours === undefined) return null;
  return (
    <RefundOnCancel
      receipt={booking.receipt}
      startsAt={booking.slot.startsAt}
      refundFullHoursBefore={hours}
    />
  );
}

export function MyBookingsRoute() {
  return (
    <MyBookingsPage
      PhoneInput={PhoneField}
      renderBooking={(booking) => <BookingSummary booking={booking} />}
      renderRefundPolicy={(booking) => <RefundPolicyOf booking={booking} />}
    />
  );
}
