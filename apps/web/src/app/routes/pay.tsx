import type { Booking } from '@sevabook/shared';
import { Alert, Button, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useParams, useSearchParams } from 'react-router';
import { ErrorState } from '../../components/feedback/error-state.tsx';
import { PageHeading } from '../../components/feedback/page-heading.tsx';
import { PageSkeleton } from '../../components/feedback/page-skeleton.tsx';
import { QueryState } from '../../components/feedback/query-state.tsx';
import {
  bookingQueryOptions,
  confirmationPath,
  manageBookingPath,
  useBooking,
} from '../../features/bookings/api/get-booking.ts';
import { PaymentStep } from '../../features/payments/components/payment-step.tsx';
import { ApiError } from '../../lib/api-client.ts';
import { useTemple } from '../../lib/use-temple.ts';

/**
 * The payment step of a booking held for an online payment. It is reached by a full page load
 * (the booking form, "Pay now" on the manage page), because its page alone carries the policy
 * that lets Razorpay's Checkout script in. Paid, it shows the confirmation with the receipt.
 */
export function PayRoute() {
  const { t } = useTranslation();
  const reference = useParams().reference ?? '';
  const token = useSearchParams()[0].get('token');
  const booking = useBooking(reference, token);

  return (
    <Stack gap="lg">
      <PageHeading title={t('payment.title')} />
      {!token ? (
        <ErrorState error={null} message={t('manage.missingToken')} />
      ) : (
        <QueryState
          query={booking}
          skeleton={<PageSkeleton cards={2} />}
          errorMessage={(e) =>
            e instanceof ApiError && e.code === 'not_found' ? t('manage.notFound') : undefined
          }
        >
          {(data) => <Payment booking={data} token={token} />}
        </QueryState>
      )}
    </Stack>
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
