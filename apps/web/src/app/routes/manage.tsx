import type { Booking } from '@sevabook/shared';
import { Alert, Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
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
import { BookingByLink } from './booking-by-link.tsx';

export function ManageRoute() {
  const { t } = useTranslation();
  return (
    <BookingByLink title={t('manage.title')} skeletonCards={1}>
      {(booking, token) => <ManagedBooking booking={booking} token={token} />}
    </BookingByLink>
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
