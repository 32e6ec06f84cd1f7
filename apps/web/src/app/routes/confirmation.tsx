import { formatPhoneInternational, type Booking } from '@sevabook/shared';
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ErrorState } from '../../components/feedback/error-state.tsx';
import { PageHeading } from '../../components/feedback/page-heading.tsx';
import { PageSkeleton } from '../../components/feedback/page-skeleton.tsx';
import { QueryState } from '../../components/feedback/query-state.tsx';
import { manageBookingPath, useBooking } from '../../features/bookings/api/get-booking.ts';
import { AddToCalendarButton } from '../../features/bookings/components/add-to-calendar-button.tsx';
import { BookingDetails } from '../../features/bookings/components/booking-details.tsx';
import { ReferenceCard } from '../../features/bookings/components/reference-card.tsx';
import { VisitNotes } from '../../features/bookings/components/visit-notes.tsx';
import { paymentStepPath } from '../../features/payments/api/payment-order.ts';
import { PayNowPanel } from '../../features/payments/components/pay-now-panel.tsx';
import { ReceiptCard } from '../../features/payments/components/receipt-card.tsx';
import { useSeva } from '../../features/sevas/api/get-seva.ts';
import classes from '../../features/bookings/components/bookings.module.css';
import { ApiError } from '../../lib/api-client.ts';
import { formatMoney } from '../../lib/temple-format.ts';
import { useUiLanguage } from '../../lib/use-ui-language.ts';

export function ConfirmationRoute() {
  const { t } = useTranslation();
  const reference = useParams().reference ?? '';
  const token = useSearchParams()[0].get('token');
  const booking = useBooking(reference, token);

  if (!token) return <ErrorState error={null} message={t('manage.missingToken')} />;
  return (
    <QueryState
      query={booking}
      skeleton={<PageSkeleton cards={2} />}
      errorMessage={(e) =>
        e instanceof ApiError && e.code === 'not_found' ? t('manage.notFound') : undefined
      }
    >
      {(data) =>
        data.status === 'pending_payment' ? (
          <AwaitingPayment booking={data} token={token} />
        ) : (
          <Confirmation booking={data} token={token} />
        )
      }
    </QueryState>
  );
}

function Confirmation({ booking, token }: { booking: Booking; token: string }) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const seva = useSeva(booking.seva.id);
  return (
    <Stack gap="lg">
      <Group gap="md" wrap="nowrap">
        <span className={classes.success} aria-hidden="true">
          ✓
        </span>
        <PageHeading title={t('confirmation.title')} />
      </Group>
      <ReferenceCard reference={booking.reference} checkInCode={booking.checkInCode} />
      {booking.receipt ? (
        <>
          <Alert color="leaf" variant="light" radius="md">
            <Text fw={700} fz="lg">
              {t('payment.paidThanks', {
                amount: formatMoney(booking.receipt.amountPaise, language),
              })}
            </Text>
          </Alert>
          <ReceiptCard facts={{ ...booking, receipt: booking.receipt }} />
        </>
      ) : (
        <Alert color="saffron" variant="light" radius="md">
          <Text fw={700} fz="lg">
            {booking.feePaise === 0
              ? t('confirmation.noFee')
              : t('confirmation.payAtCounter', { amount: formatMoney(booking.feePaise, language) })}
          </Text>
        </Alert>
      )}
      {seva.data && <VisitNotes seva={seva.data} time={booking.slot.time} />}
      <Text>{t('confirmation.whatsapp', { phone: formatPhoneInternational(booking.phone) })}</Text>
      <BookingDetails
        booking={booking}
        feeLabel={booking.pays === 'online' ? t('payment.fee') : undefined}
      />
      <Stack gap="sm">
        <AddToCalendarButton reference={booking.reference} token={token} />
        <Button
          component={Link}
          to={manageBookingPath(booking.reference, token)}
          size="lg"
          variant="outline"
          fullWidth
        >
          {t('confirmation.manage')}
        </Button>
        <Text size="sm" c="dimmed">
          {t('confirmation.keepLink')}
        </Text>
        <Button component={Link} to="/" size="lg" variant="subtle" fullWidth>
          {t('confirmation.bookAnother')}
        </Button>
      </Stack>
    </Stack>
  );
}

/**
 * Back to the confirmation of a booking not yet paid (the browser's back button, a reopened
 * tab): on to its payment step, by a full page load, the only way its policy lets Checkout in.
 */
function AwaitingPayment({ booking, token }: { booking: Booking; token: string }) {
  const { t } = useTranslation();
  useEffect(() => {
    window.location.replace(paymentStepPath(booking.reference, token));
  }, [booking.reference, token]);
  return (
    <Stack gap="lg">
      <PageHeading title={t('payment.title')} />
      <PayNowPanel
        reference={booking.reference}
        token={token}
        holdExpiresAt={booking.holdExpiresAt}
      />
    </Stack>
  );
}
