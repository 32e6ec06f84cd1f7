import { Badge, Stack, Text } from '@mantine/core';
import { useTemple } from '@sevabook/ui';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../../lib/temple-format.ts';
import { paymentState } from '../payment-state.ts';
import type { PayableBooking } from '../payment-types.ts';
import { formatClock } from '../clock.ts';

const refundColour = {
  pending: 'saffron',
  processing: 'saffron',
  processed: 'gray',
  failed: 'red',
  due_at_counter: 'maroon',
} as const;

/**
 * A booking's money in two words and a detail line: Paid (method · receipt no.), Unpaid ₹X,
 * Awaiting online payment (hold ends 10:42 am), or where its refund is.
 */
export function PaymentStatus({ booking }: { booking: PayableBooking }) {
  const { t } = useTranslation();
  const { timeZone } = useTemple();
  const state = paymentState(booking);
  const payment = booking.payment;
  switch (state.kind) {
    case 'free':
    case 'none':
      return (
        <Text size="sm" c="dimmed">
          {state.kind === 'free' ? t('payments.free') : '—'}
        </Text>
      );
    case 'paid':
      return (
        <Stack gap={0} data-testid="payment-status" data-state="paid">
          <Text size="sm" fw={700} c="leaf.9">
            {t('payments.paid')}
            {payment &&
              ` ${formatMoney(payment.amountPaise)} · ${t(`payments.methods.${payment.method}`)}`}
          </Text>
          {payment && (
            <Text
              size="xs"
              ff="monospace"
              style={{ whiteSpace: 'nowrap' }}
              data-testid="receipt-number"
            >
              {payment.receiptNumber}
            </Text>
          )}
        </Stack>
      );
    case 'unpaid':
      return (
        <Badge color="saffron" variant="light" data-testid="payment-status" data-state="unpaid">
          {t('payments.unpaid', { amount: formatMoney(state.amountPaise) })}
        </Badge>
      );
    case 'awaiting':
      return (
        <Stack gap={0} data-testid="payment-status" data-state="awaiting">
          <Text size="sm" fw={600}>
            {t('payments.awaiting')}
          </Text>
          {state.holdExpiresAt && (
            <Text size="xs">
              {t('payments.holdEnds', { time: formatClock(state.holdExpiresAt, timeZone) })}
            </Text>
          )}
        </Stack>
      );
    case 'expired':
      return (
        <Text size="sm" c="dimmed" data-testid="payment-status" data-state="expired">
          {t('payments.expired')}
        </Text>
      );
    case 'refund':
      return (
        <Stack gap={0} data-testid="payment-status" data-state="refund">
          <Badge color={refundColour[state.refund.status]} variant="light" w="fit-content">
            {t(`payments.refundStatus.${state.refund.status}`, {
              amount: formatMoney(state.refund.amountPaise),
            })}
          </Badge>
          {payment && (
            <Text size="xs" ff="monospace">
              {payment.receiptNumber}
            </Text>
          )}
        </Stack>
      );
  }
}
