import type { Booking } from '@sevabook/shared';
import { Alert, Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ErrorState } from '../../components/feedback/error-state.tsx';
import { PageHeading } from '../../components/feedback/page-heading.tsx';
import { PageSkeleton } from '../../components/feedback/page-skeleton.tsx';
import { QueryState } from '../../components/feedback/query-state.tsx';
import { useBooking } from '../../features/bookings/api/get-booking.ts';
import { AddToCalendarButton } from '../../features/bookings/components/add-to-calendar-button.tsx';
import { BookingDetails } from '../../features/bookings/components/booking-details.tsx';
import { CancelPanel } from '../../features/bookings/components/cancel-panel.tsx';
import { ReferenceCard } from '../../features/bookings/components/reference-card.tsx';
import classes from '../../features/bookings/components/bookings.module.css';
import { PayNowPanel } from '../../features/payments/components/pay-now-panel.tsx';
import { ReceiptCard } from '../../features/payments/components/receipt-card.tsx';
import {
  RefundOnCancel,
  RefundPolicyNote,
} from '../../features/payments/components/refund-policy-note.tsx';
import { RefundNotice } from '../../features/payments/components/refund-notice.tsx';
import { useSeva } from '../../features/sevas/api/get-seva.ts';
import { ApiError } from '../../lib/api-client.ts';

export function ManageRoute() {
  const { t } = useTranslation();
  const reference = useParams().reference ?? '';
  const token = useSearchParams()[0].get('token');
  const booking = useBooking(reference, token);

  return (
    <Stack gap="lg">
      <PageHeading title={t('manage.title')} />
      {!token ? (
        <ErrorState error={null} message={t('manage.missingToken')} />
      ) : (
        <QueryState
          query={booking}
          skeleton={<PageSkeleton cards={1} />}
          errorMessage={(e) =>
            e instanceof ApiError && e.code === 'not_found' ? t('manage.notFound') : undefined
          }
        >
          {(data) => <ManagedBooking booking={data} token={token} />}
        </QueryState>
      )}
    </Stack>
  );
}

function ManagedBooking({ booking, token }: { booking: Booking; token: string }) {
  const { t } = useTranslation();
  // The seva's refund policy, for a paid booking's cancellation.
  const seva = useSeva(booking.seva.id);
  const refundHours = seva.data?.refundFullHoursBefore;
  const { receipt, status } = booking;
  const policy =
    receipt && refundHours !== undefined
      ? { receipt, startsAt: booking.slot.startsAt, refundFullHoursBefore: refundHours }
      : undefined;

  return (
    <Stack gap="lg">
      {status === 'confirmed' ? (
        // What the confirmation page showed: the code for the counter to scan.
        <ReferenceCard reference={booking.reference} checkInCode={booking.checkInCode} />
      ) : (
        <div>
          <Text fw={700} c="dimmed">
            {t('confirmation.reference')}
          </Text>
          <Text className={classes.reference} data-testid="booking-reference">
            {booking.reference}
          </Text>
        </div>
      )}
      {status === 'pending_payment' && (
        <PayNowPanel
          reference={booking.reference}
          token={token}
          holdExpiresAt={booking.holdExpiresAt}
        />
      )}
      {status === 'expired' && (
        <Alert color="maroon" variant="light" radius="md" role="status">
          <Text fw={700}>{t('payment.expiredText')}</Text>
        </Alert>
      )}
      <BookingDetails
        booking={booking}
        withStatus
        feeLabel={booking.pays === 'online' ? t('payment.fee') : undefined}
      />
      {status === 'confirmed' && receipt && <ReceiptCard facts={{ ...booking, receipt }} />}
      {status === 'confirmed' && policy && <RefundPolicyNote {...policy} />}
      {status === 'cancelled' && (receipt || booking.refund) && (
        <RefundNotice refund={booking.refund} />
      )}
      {status === 'confirmed' && (
        <AddToCalendarButton reference={booking.reference} token={token} />
      )}
      {status !== 'expired' && (
        <CancelPanel
          booking={booking}
          token={token}
          refundPolicy={policy && <RefundOnCancel {...policy} />}
        />
      )}
      <Button component={Link} to="/" variant="subtle" size="lg" fullWidth>
        {t('manage.bookAgain')}
      </Button>
    </Stack>
  );
}
