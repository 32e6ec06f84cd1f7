import type { Booking } from '@sevabook/shared';
import { Alert, Button, Loader, Paper, Stack, Text } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatMoney, formatTime, localized } from '../../../lib/temple-format.ts';
import { useUiLanguage } from '../../../lib/use-ui-language.ts';
import type { PaymentOrder } from '../api/payment-order.ts';
import { upiFirst } from '../checkout/razorpay-checkout.ts';
import { useCheckout } from '../hooks/use-checkout.ts';
import { useHoldCountdown } from '../hooks/use-hold-countdown.ts';
import { finalProblems } from '../payment-problem.ts';
import { HoldCountdown } from './hold-countdown.tsx';
import classes from './payments.module.css';

/** What the payment step needs of a booking held for payment. */
export interface PayableBooking {
  reference: string;
  devoteeName: string;
  phone: string;
  email: string | null;
  persons: number;
  feePaise: number;
  seva: { name: Booking['seva']['name'] };
  slot: { date: string; time: string };
  holdExpiresAt: string | null;
  razorpay: PaymentOrder | null;
}

/**
 * The payment step: what is being paid for, how long the places stay held, and one large button
 * that opens Razorpay's Checkout with UPI first. Each failure is a sentence with the way on;
 * the devotee may try again on the same booking until the hold ends.
 */
export function PaymentStep({
  booking,
  token,
  templeName,
  onPaid,
  bookAgain,
}: {
  booking: PayableBooking;
  token: string;
  templeName: string;
  onPaid: (booking: Booking) => void;
  /** Where "Book again" leads once the hold has ended: the seva's page. */
  bookAgain: string;
}) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const hold = useHoldCountdown(booking.holdExpiresAt);
  const checkout = useCheckout({
    reference: booking.reference,
    token,
    enabled: !hold.expired,
    known: booking.razorpay,
    onPaid,
  });
  const { phase, problem, close } = checkout;
  const busy = phase === 'opening' || phase === 'open' || phase === 'verifying' || phase === 'paid';
  // A payment being confirmed stands, whatever the clock says: the API decides.
  const expired =
    (hold.expired && phase !== 'verifying' && phase !== 'paid') || problem === 'hold_expired';

  useEffect(() => {
    if (hold.expired) close();
  }, [hold.expired, close]);

  const amount = formatMoney(booking.feePaise, language);
  const seva = localized(booking.seva.name, language);
  const date = formatDate(booking.slot.date, language, 'long');
  const time = formatTime(booking.slot.time, language);
  const shownProblem = expired ? 'hold_expired' : problem;

  const pay = () =>
    void checkout.open({
      name: templeName,
      description: `${seva}: ${date}, ${time}`,
      prefill: {
        name: booking.devoteeName,
        contact: booking.phone,
        ...(booking.email ? { email: booking.email } : {}),
      },
      notes: { reference: booking.reference },
      config: upiFirst(t('payment.upiBlock')),
      theme: { color: '#8c1d33' },
    });

  return (
    <Stack gap="lg">
      <Paper radius="md" p="md" withBorder>
        <Stack gap="xs">
          <Text c="dimmed" fw={700}>
            {t('payment.toPay')}
          </Text>
          <Text className={classes.amount} data-testid="payment-amount">
            {amount}
          </Text>
          <dl className={classes.facts}>
            <div>
              <dt>{t('booking.seva')}</dt>
              <dd>{seva}</dd>
            </div>
            <div>
              <dt>{t('booking.date')}</dt>
              <dd>{date}</dd>
            </div>
            <div>
              <dt>{t('booking.time')}</dt>
              <dd>{time}</dd>
            </div>
            <div>
              <dt>{t('booking.persons')}</dt>
              <dd>{booking.persons}</dd>
            </div>
            <div>
              <dt>{t('confirmation.reference')}</dt>
              <dd>{booking.reference}</dd>
            </div>
          </dl>
        </Stack>
      </Paper>

      {booking.holdExpiresAt && !expired && (
        <HoldCountdown holdExpiresAt={booking.holdExpiresAt} secondsLeft={hold.secondsLeft} />
      )}

      {shownProblem && (
        <Alert
          color={shownProblem === 'confirming_later' ? 'saffron' : 'maroon'}
          variant="light"
          radius="md"
          role="alert"
          data-testid="payment-problem"
        >
          <Text fw={700}>{t(`payment.problems.${shownProblem}`)}</Text>
        </Alert>
      )}

      {expired || (shownProblem && finalProblems.has(shownProblem)) ? (
        <Button component="a" href={bookAgain} size="xl" fullWidth>
          {t('payment.bookAgain')}
        </Button>
      ) : (
        <Stack gap="sm">
          <Button
            size="xl"
            fullWidth
            onClick={pay}
            disabled={busy || (phase === 'preparing' && !checkout.order.isError)}
            leftSection={busy ? <Loader size="sm" color="currentColor" /> : undefined}
            data-testid="pay-button"
          >
            {phase === 'verifying' || phase === 'paid'
              ? t('payment.verifying')
              : phase === 'opening' || phase === 'open'
                ? t('payment.opening')
                : problem
                  ? t('payment.payAgain', { amount })
                  : t('payment.pay', { amount })}
          </Button>
          <Text size="sm" c="dimmed">
            {t('payment.howItWorks')}
          </Text>
        </Stack>
      )}
    </Stack>
  );
}
