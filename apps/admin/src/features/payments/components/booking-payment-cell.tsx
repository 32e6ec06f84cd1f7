import { Anchor, Group, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCan } from '../../../lib/use-session.ts';
import { paymentState } from '../payment-state.ts';
import type { PayableBooking } from '../payment-types.ts';
import { PaymentStatus } from './payment-status.tsx';
import { TakePayment } from './take-payment.tsx';

/**
 * A booking's payment in the day view: where it stands, "Take ₹X" while a counter fee is unpaid,
 * and the receipt to print once it is paid.
 */
export function BookingPaymentCell({ booking }: { booking: PayableBooking }) {
  const { t } = useTranslation();
  const canChange = useCan('changeBookings');
  const state = paymentState(booking);
  return (
    <Stack gap={4} align="flex-start">
      <PaymentStatus booking={booking} />
      {canChange && state.kind === 'unpaid' && (
        <TakePayment
          bookingId={booking.id}
          reference={booking.reference}
          amountPaise={state.amountPaise}
        />
      )}
      {booking.payment && (
        <Group gap={4}>
          <Anchor
            component={Link}
            to={`/receipt/${booking.id}`}
            size="xs"
            aria-label={t('payments.receiptLink', { receipt: booking.payment.receiptNumber })}
          >
            {t('payments.printReceipt')}
          </Anchor>
        </Group>
      )}
    </Stack>
  );
}
