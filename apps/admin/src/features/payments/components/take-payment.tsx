import { Anchor, Button, Group, Popover, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatMoney } from '../../../lib/temple-format.ts';
import { useRecordPayment } from '../api/record-payment.ts';
import { paymentProblem } from '../payment-problem.ts';
import type { RecordedPayment } from '../payment-types.ts';

interface TakePaymentProps {
  bookingId: number;
  reference: string;
  amountPaise: number;
}

/**
 * "Take ₹X" opens the payment choices with "Paid in cash ₹X" already focused, so the usual case
 * is one Enter; UPI and card sit beside it. Once paid, the receipt number shows with a link to
 * its printable page.
 */
export function TakePayment({ bookingId, reference, amountPaise }: TakePaymentProps) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const [paid, setPaid] = useState<RecordedPayment>();
  const amount = formatMoney(amountPaise);
  const record = useRecordPayment({
    onSuccess: (payment) => {
      setPaid(payment);
      notifications.show({
        color: 'leaf',
        // The toast's close button is read out by its name, as every close button is.
        closeButtonProps: { 'aria-label': t('app.close') },
        message: t('payments.recorded', {
          reference,
          method: t(`payments.methods.${payment.method}`),
          receipt: payment.receipt.number,
        }),
      });
    },
    onError: (error) => notifications.show({ color: 'red', message: paymentProblem(error, t) }),
  });
  const headingId = `take-payment-${bookingId}`;
  const pay = (method: 'cash' | 'upi' | 'card') => record.mutate({ bookingId, method });

  return (
    <Popover
      opened={opened}
      onChange={setOpened}
      position="bottom-end"
      withinPortal
      trapFocus
      returnFocus
      shadow="md"
    >
      <Popover.Target>
        <Button
          size="compact-sm"
          variant="filled"
          color="leaf"
          aria-label={t('payments.takeFor', { amount, reference })}
          aria-expanded={opened}
          onClick={() => setOpened((o) => !o)}
        >
          {t('payments.take', { amount })}
        </Button>
      </Popover.Target>
      <Popover.Dropdown p="xs" role="dialog" aria-labelledby={headingId} maw={340}>
        <Stack gap={6}>
          <Text size="sm" fw={700} id={headingId}>
            {t('payments.takeTitle', { reference })}
          </Text>
          {paid ? (
            <>
              <Text size="sm" role="status" data-testid="paid-receipt">
                {t('payments.recorded', {
                  reference,
                  method: t(`payments.methods.${paid.method}`),
                  receipt: paid.receipt.number,
                })}
              </Text>
              <Anchor component={Link} to={`/receipt/${bookingId}`} fw={600}>
                {t('payments.printReceipt')}
              </Anchor>
            </>
          ) : (
            <>
              <Text size="xs" c="dimmed">
                {t('payments.enterHint')}
              </Text>
              <Group gap={6} wrap="wrap">
                <Button
                  data-autofocus
                  color="leaf"
                  loading={record.isPending && record.variables?.method === 'cash'}
                  disabled={record.isPending}
                  onClick={() => pay('cash')}
                >
                  {t('payments.paidCash', { amount })}
                </Button>
                {(['upi', 'card'] as const).map((method) => (
                  <Button
                    key={method}
                    variant="default"
                    loading={record.isPending && record.variables?.method === method}
                    disabled={record.isPending}
                    onClick={() => pay(method)}
                    aria-label={t('payments.paidBy', { method: t(`payments.methods.${method}`) })}
                  >
                    {t(`payments.methods.${method}`)}
                  </Button>
                ))}
              </Group>
            </>
          )}
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
