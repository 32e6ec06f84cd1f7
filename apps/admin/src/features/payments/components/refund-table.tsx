import { Badge, Button, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { formatPhoneInternational } from '@sevabook/shared';
import { useTemple } from '@sevabook/ui';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ListTable } from '../../../components/layout/list-table.tsx';
import { formatInstant, formatMoney } from '../../../lib/temple-format.ts';
import { useCan } from '../../../lib/use-session.ts';
import type { AdminRefund } from '../api/get-refunds.ts';
import { useSettleRefund } from '../api/settle-refund.ts';
import { paymentProblem } from '../payment-problem.ts';

const statusColour = {
  pending: 'saffron',
  processing: 'saffron',
  processed: 'leaf',
  failed: 'red',
  due_at_counter: 'maroon',
} as const;

/**
 * Refunds with what a person can do about each: send a failed online refund again, or record
 * that the cash owed was handed back at the counter.
 */
export function RefundTable({ items, empty }: { items: AdminRefund[]; empty?: ReactNode }) {
  const { t } = useTranslation();
  const { timeZone } = useTemple();
  const canAct = useCan('changeBookings');
  const settle = useSettleRefund({
    onSuccess: (refund, { action }) =>
      notifications.show({
        color: 'leaf',
        message:
          action === 'retry'
            ? t('payments.refunds.retried', { reference: refund.booking.reference })
            : t('payments.refunds.paidOutDone', {
                amount: formatMoney(refund.amountPaise),
                reference: refund.booking.reference,
              }),
      }),
    onError: (error) => notifications.show({ color: 'red', message: paymentProblem(error, t) }),
  });
  return (
    <ListTable
      minWidth={960}
      headings={[
        t('payments.refunds.booking'),
        t('payments.refunds.devotee'),
        t('payments.refunds.seva'),
        t('payments.refunds.amount'),
        t('payments.refunds.status'),
        t('payments.refunds.reason'),
        t('payments.refunds.lastError'),
      ]}
      actions
      rows={items}
      empty={empty}
    >
      {(r) => {
        const busy = settle.isPending && settle.variables?.id === r.id;
        const amount = formatMoney(r.amountPaise);
        return (
          <Table.Tr key={r.id} data-testid="refund-row" data-reference={r.booking.reference}>
            <Table.Td>
              <Text ff="monospace" size="sm">
                {r.booking.reference}
              </Text>
              {r.payment.receiptNumber && (
                <Text ff="monospace" size="xs" c="dimmed">
                  {r.payment.receiptNumber}
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              {r.booking.devoteeName}
              <Text size="xs" c="dimmed">
                {formatPhoneInternational(r.booking.phone)}
              </Text>
            </Table.Td>
            <Table.Td>
              {r.booking.sevaName.en}
              <Text size="xs" c="dimmed">
                {formatInstant(r.booking.startsAt, timeZone)}
              </Text>
            </Table.Td>
            <Table.Td fw={700}>
              {amount}
              <Text size="xs" c="dimmed" fw={400}>
                {t(`payments.methods.${r.payment.method}`)}
              </Text>
            </Table.Td>
            <Table.Td>
              <Badge color={statusColour[r.status]} variant="light">
                {t(`payments.refunds.statuses.${r.status}`)}
              </Badge>
            </Table.Td>
            <Table.Td>
              {r.reason in reasonKeys
                ? t(reasonKeys[r.reason as keyof typeof reasonKeys])
                : r.reason}
            </Table.Td>
            <Table.Td maw={260}>
              <Text size="sm">{r.lastError ?? '—'}</Text>
            </Table.Td>
            <Table.Td>
              {canAct && r.status === 'failed' && (
                <Button
                  size="compact-sm"
                  variant="light"
                  loading={busy}
                  aria-label={t('payments.refunds.retryFor', { reference: r.booking.reference })}
                  onClick={() => settle.mutate({ id: r.id, action: 'retry' })}
                >
                  {t('payments.refunds.retry')}
                </Button>
              )}
              {canAct && r.status === 'due_at_counter' && (
                <Button
                  size="compact-sm"
                  color="maroon"
                  loading={busy}
                  aria-label={t('payments.refunds.paidOutFor', {
                    amount,
                    reference: r.booking.reference,
                  })}
                  onClick={() => settle.mutate({ id: r.id, action: 'paid-out' })}
                >
                  {t('payments.refunds.paidOut')}
                </Button>
              )}
            </Table.Td>
          </Table.Tr>
        );
      }}
    </ListTable>
  );
}

const reasonKeys = {
  cancelled: 'payments.refunds.reasons.cancelled',
  late_payment: 'payments.refunds.reasons.late_payment',
  duplicate_payment: 'payments.refunds.reasons.duplicate_payment',
} as const;
