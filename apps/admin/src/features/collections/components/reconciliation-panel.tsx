import { Alert, Stack, Table, Text, Title } from '@mantine/core';
import type { Reconciliation } from '@sevabook/shared';
import { useTemple } from '@sevabook/ui';
import { useTranslation } from 'react-i18next';
import { formatInstant, formatMoney } from '../../../lib/temple-format.ts';
import classes from './collections.module.css';

/**
 * Online payments against Razorpay's settlements: what was settled with no booking to match,
 * and what was paid with no settlement yet. Not printed: it is for the office, not the hand-over.
 */
export function ReconciliationPanel({ data }: { data: Reconciliation }) {
  const { t } = useTranslation();
  const { timeZone } = useTemple();
  const mismatches = data.settledWithoutPayment.length + data.paidWithoutSettlement.length;
  return (
    <Stack
      gap="xs"
      component="section"
      aria-labelledby="reconciliation"
      className={`no-print ${classes.block}`}
      data-testid="reconciliation"
    >
      <Title order={2} size="h3" id="reconciliation">
        {t('collections.reconciliation')}
      </Title>
      {!data.onlinePayment ? (
        <Alert color="gray" variant="light">
          {t('collections.reconOff')}
        </Alert>
      ) : (
        <>
          {data.matched > 0 && (
            <Text size="sm">{t('collections.reconMatched', { count: data.matched })}</Text>
          )}
          {mismatches === 0 && (
            <Alert color="leaf" variant="light">
              {data.matched > 0 ? t('collections.reconAllGood') : t('collections.reconNone')}
            </Alert>
          )}
          {data.settledWithoutPayment.length > 0 && (
            <>
              <Text fw={700} c="red.9">
                {t('collections.settledWithoutPayment')}
              </Text>
              <Table className={classes.table} striped miw={560}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('collections.razorpayId')}</Table.Th>
                    <Table.Th>{t('collections.type')}</Table.Th>
                    <Table.Th>{t('collections.settlement')}</Table.Th>
                    <Table.Th className={classes.num}>{t('collections.amount')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.settledWithoutPayment.map((s, i) => (
                    <Table.Tr key={`${s.razorpayPaymentId ?? s.razorpayOrderId ?? ''}-${i}`}>
                      <Table.Td className={classes.mono}>
                        {s.razorpayPaymentId ?? s.razorpayOrderId ?? '—'}
                      </Table.Td>
                      <Table.Td>{s.type}</Table.Td>
                      <Table.Td className={classes.mono}>
                        {s.settlementId ?? '—'}
                        {s.settledAt && ` · ${formatInstant(s.settledAt, timeZone)}`}
                      </Table.Td>
                      <Table.Td className={classes.num}>{formatMoney(s.amountPaise)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </>
          )}
          {data.paidWithoutSettlement.length > 0 && (
            <>
              <Text fw={700} c="maroon.9">
                {t('collections.paidWithoutSettlement')}
              </Text>
              <Table className={classes.table} striped miw={560}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('collections.receiptNumber')}</Table.Th>
                    <Table.Th>{t('collections.booking')}</Table.Th>
                    <Table.Th>{t('collections.razorpayId')}</Table.Th>
                    <Table.Th>{t('collections.paidAt')}</Table.Th>
                    <Table.Th className={classes.num}>{t('collections.amount')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.paidWithoutSettlement.map((p) => (
                    <Table.Tr key={p.paymentId}>
                      <Table.Td className={classes.mono}>{p.receiptNumber ?? '—'}</Table.Td>
                      <Table.Td className={classes.mono}>{p.bookingReference}</Table.Td>
                      <Table.Td className={classes.mono}>{p.razorpayPaymentId}</Table.Td>
                      <Table.Td>{formatInstant(p.paidAt, timeZone)}</Table.Td>
                      <Table.Td className={classes.num}>{formatMoney(p.amountPaise)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </>
          )}
        </>
      )}
    </Stack>
  );
}
