import type { Booking } from '@sevabook/shared';
import { Alert, Button, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import {
  bookingQueryOptions,
  confirmationPath,
  manageBookingPath,
} from '../../features/bookings/api/get-booking.ts';
import { PaymentStep } from '../../features/payments/components/payment-step.tsx';
import { BookingByLink } from './booking-by-link.tsx';
import { useTemple } from '../../lib/use-temple.ts';

/**
 * The payment step of a booking held for an online payment. It is reached by a full page load
 * (the booking form, "Pay now" on the manage page), because its page alone carries the policy
 * that lets Razorpay's Checkout script in. Paid, it shows the confirmation with the receipt.
 */
export function PayRoute() {
  const { t } = useTranslation();
  return (
    <BookingByLink title={t('payment.title')} skeletonCards={2}>
      {(booking, token) => <Payment booking={booking} token={token} />}
    </BookingByLink>
  );
}

function Payment({ booking, token }: { booking: Booking; token: string }) {
  const { t } = useTranslation();
  const temple = useTemple();
  const navigate = useNavigate();
  const queryClient = useQueryClient();

  const onPaid = (paid: Booking) => {
    queryClient.setQueryData(bookingQueryOptions(paid.reference, token).queryKey, paid);
    void queryClient.invalidateQueries({ queryKey: ['slots'] });
    void queryClient.invalidateQueries({ queryKey: ['slot'] });
    // Replace: "back" from the confirmation must not offer to pay again.
    void navigate(confirmationPath(paid.reference, token), { replace: true });
  };

  if (booking.status === 'confirmed') {
    return <Navigate to={confirmationPath(booking.reference, token)} replace />;
  }
  if (booking.status !== 'pending_payment') {
    return (
      <Stack gap="lg">
        <Alert color="maroon" variant="light" radius="md" role="alert">
          <Text fw={700}>
            {booking.status === 'expired'
              ? t('payment.expiredText')
              : t('payment.problems.unavailable')}
          </Text>
        </Alert>
        <Button component="a" href={`/sevas/${booking.seva.id}`} size="xl" fullWidth>
          {t('payment.bookAgain')}
        </Button>
        <Button
          component="a"
          href={manageBookingPath(booking.reference, token)}
          variant="subtle"
          size="lg"
          fullWidth
        >
          {t('confirmation.manage')}
        </Button>
      </Stack>
    );
  }
  return (
    <PaymentStep
      booking={booking}
      token={token}
      templeName={temple.name ?? t('app.siteName')}
      onPaid={onPaid}
      bookAgain={`/sevas/${booking.seva.id}`}
    />
  );
}
