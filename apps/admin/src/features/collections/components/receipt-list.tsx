import { Badge, Table, Text, Title } from '@mantine/core';
import type { Collections } from '@sevabook/shared';
import { formatPhoneInternational } from '@sevabook/shared';
import { useTemple } from '@sevabook/ui';
import { useTranslation } from 'react-i18next';
import { formatInstant, formatMoney } from '../../../lib/temple-format.ts';
import classes from './collections.module.css';

/** Every receipt of the range by number, then the refunds paid out in it. */
export function ReceiptList({ data }: { data: Collections }) {
  const { t } = useTranslation();
  const { timeZone } = useTemple();
  return (
    <>
      <section aria-labelledby="receipts" className={classes.block}>
        <Title order={2} size="h3" id="receipts">
          {t('collections.receipts')} ·{' '}
          {t('collections.receiptCount', { count: data.receipts.length })}
        </Title>
        {data.receipts.length === 0 ? (
          <Text size="sm">{t('collections.noReceipts')}</Text>
        ) : (
          <div className={classes.scroll}>
            <Table className={classes.table} striped miw={760} data-testid="receipts">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('collections.receiptNumber')}</Table.Th>
                  <Table.Th>{t('collections.paidAt')}</Table.Th>
                  <Table.Th>{t('collections.booking')}</Table.Th>
                  <Table.Th>{t('collections.devotee')}</Table.Th>
                  <Table.Th>{t('collections.seva')}</Table.Th>
                  <Table.Th>{t('collections.method')}</Table.Th>
                  <Table.Th>{t('collections.clerk')}</Table.Th>
                  <Table.Th className={classes.num}>{t('collections.amount')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.receipts.map((r) => (
                  <Table.Tr
                    key={r.paymentId}
                    data-testid="collection-receipt"
                    data-reference={r.bookingReference}
                  >
                    <Table.Td className={classes.mono}>{r.receiptNumber}</Table.Td>
                    <Table.Td className={classes.nowrap}>
                      {formatInstant(r.paidAt, timeZone)}
                    </Table.Td>
                    <Table.Td className={classes.mono}>{r.bookingReference}</Table.Td>
                    <Table.Td>
                      {r.devoteeName}
                      <Text size="xs" c="dimmed" className="no-print">
                        {formatPhoneInternational(r.phone)}
                      </Text>
                    </Table.Td>
                    <Table.Td>{r.seva.name.en}</Table.Td>
                    <Table.Td>
                      {t(`payments.methods.${r.method}`)}
                      {r.status !== 'captured' && (
                        <Badge ml={4} size="xs" color="gray" variant="light">
                          {t('collections.refundedMark')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>{r.clerk?.name ?? '—'}</Table.Td>
                    <Table.Td className={classes.num}>{formatMoney(r.amountPaise)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
        )}
      </section>
      {data.refunds.length > 0 && (
        <section aria-labelledby="refunds-paid" className={classes.block}>
          <Title order={2} size="h3" id="refunds-paid">
            {t('collections.refunds')}
          </Title>
          <div className={classes.scroll}>
            <Table className={classes.table} striped miw={680} data-testid="collection-refunds">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('collections.receiptNumber')}</Table.Th>
                  <Table.Th>{t('collections.paidAt')}</Table.Th>
                  <Table.Th>{t('collections.booking')}</Table.Th>
                  <Table.Th>{t('collections.devotee')}</Table.Th>
                  <Table.Th>{t('collections.method')}</Table.Th>
                  <Table.Th>{t('collections.clerk')}</Table.Th>
                  <Table.Th className={classes.num}>{t('collections.amount')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.refunds.map((r) => (
                  <Table.Tr key={r.refundId}>
                    <Table.Td className={classes.mono}>{r.receiptNumber ?? '—'}</Table.Td>
                    <Table.Td className={classes.nowrap}>
                      {formatInstant(r.processedAt, timeZone)}
                    </Table.Td>
                    <Table.Td className={classes.mono}>{r.bookingReference}</Table.Td>
                    <Table.Td>{r.devoteeName}</Table.Td>
                    <Table.Td>
                      {r.method === 'cash'
                        ? t('payments.methods.cash')
                        : t('payments.methods.online')}
                    </Table.Td>
                    <Table.Td>{r.paidOutBy?.name ?? '—'}</Table.Td>
                    <Table.Td className={classes.num}>−{formatMoney(r.amountPaise)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
        </section>
      )}
    </>
  );
}
