import type { Booking } from '@sevabook/shared';
import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { BookingDetails } from '../../features/bookings/components/booking-details.tsx';
import { PhoneField } from '../../features/bookings/components/phone-field.tsx';
import { ReferenceCard } from '../../features/bookings/components/reference-card.tsx';
import classes from '../../features/bookings/components/bookings.module.css';
import { MyBookingsPage } from '../../features/my-bookings/components/my-bookings-page.tsx';

/** One booking as the manage page shows it: the QR for the gate while it stands, the details. */
function BookingSummary({ booking }: { booking: Booking }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      {booking.status === 'confirmed' ? (
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
    </Stack>
  );
}

export function MyBookingsRoute() {
  return (
    <MyBookingsPage
      PhoneInput={PhoneField}
      renderBooking={(booking) => <BookingSummary booking={booking} />}
    />
  );
}
