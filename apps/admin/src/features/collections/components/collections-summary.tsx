import { Group, Paper, SimpleGrid, Table, Text, Title } from '@mantine/core';
import type { Collections } from '@sevabook/shared';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../../lib/temple-format.ts';
import classes from './collections.module.css';

const methods = ['cash', 'upi', 'card', 'online'] as const;

/** The range's money at a glance: received, refunded and net; per method; per clerk. */
export function CollectionsSummary({ data }: { data: Collections }) {
  const { t } = useTranslation();
  const clerkTotal = (pick: (c: Collections['byClerk'][number]) => number) =>
    data.byClerk.reduce((sum, c) => sum + pick(c), 0);
  return (
    <>
      <SimpleGrid cols={{ base: 1, xs: 3 }} className={classes.figures}>
        <Figure label={t('collections.grandTotal')} paise={data.receivedPaise} testId="received" />
        <Figure label={t('collections.refunded')} paise={data.refundedPaise} testId="refunded" />
        <Figure label={t('collections.net')} paise={data.netPaise} testId="net" strong />
      </SimpleGrid>

      <section aria-labelledby="by-method" className={classes.block}>
        <Title order={2} size="h3" id="by-method">
          {t('collections.byMethod')}
        </Title>
        <div className={classes.scroll}>
          <Table className={classes.table} miw={420} data-testid="by-method">
            <Table.Thead>
              <Table.Tr>
                {methods.map((m) => (
                  <Table.Th key={m} className={classes.num}>
                    {t(`collections.${m}`)}
                  </Table.Th>
                ))}
                <Table.Th className={classes.num}>{t('collections.total')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              <Table.Tr>
                {methods.map((m) => (
                  <Table.Td key={m} className={classes.num} data-testid={`method-${m}`}>
                    {formatMoney(data.byMethod[m])}
                  </Table.Td>
                ))}
                <Table.Td className={classes.num} fw={700}>
                  {formatMoney(data.receivedPaise)}
                </Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
        </div>
      </section>

      <section aria-labelledby="by-clerk" className={classes.block}>
        <Title order={2} size="h3" id="by-clerk">
          {t('collections.byClerk')}
        </Title>
        {data.byClerk.length === 0 ? (
          <Text size="sm">{t('collections.noClerks')}</Text>
        ) : (
          <div className={classes.scroll}>
            <Table className={classes.table} miw={720} data-testid="by-clerk">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('collections.clerk')}</Table.Th>
                  <Table.Th className={classes.num}>{t('collections.receiptsCount')}</Table.Th>
                  <Table.Th className={classes.num}>{t('collections.cash')}</Table.Th>
                  <Table.Th className={classes.num}>{t('collections.upi')}</Table.Th>
                  <Table.Th className={classes.num}>{t('collections.card')}</Table.Th>
                  <Table.Th className={classes.num}>{t('collections.received')}</Table.Th>
                  <Table.Th className={classes.num}>{t('collections.cashRefunded')}</Table.Th>
                  <Table.Th className={classes.num}>{t('collections.cashInHand')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.byClerk.map((c) => (
                  <Table.Tr key={c.clerk?.id ?? 'none'} data-testid="clerk-row">
                    <Table.Td fw={600}>{c.clerk?.name ?? t('collections.noClerk')}</Table.Td>
                    <Table.Td className={classes.num}>{c.receipts}</Table.Td>
                    <Table.Td className={classes.num}>{formatMoney(c.byMethod.cash)}</Table.Td>
                    <Table.Td className={classes.num}>{formatMoney(c.byMethod.upi)}</Table.Td>
                    <Table.Td className={classes.num}>{formatMoney(c.byMethod.card)}</Table.Td>
                    <Table.Td className={classes.num}>{formatMoney(c.receivedPaise)}</Table.Td>
                    <Table.Td className={classes.num}>{formatMoney(c.cashRefundedPaise)}</Table.Td>
                    <Table.Td className={classes.num} fw={700}>
                      {formatMoney(c.cashInHandPaise)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
              {data.byClerk.length > 1 && (
                <Table.Tfoot>
                  <Table.Tr className={classes.totalRow}>
                    <Table.Th>{t('collections.total')}</Table.Th>
                    <Table.Td className={classes.num}>{clerkTotal((c) => c.receipts)}</Table.Td>
                    <Table.Td className={classes.num}>
                      {formatMoney(clerkTotal((c) => c.byMethod.cash))}
                    </Table.Td>
                    <Table.Td className={classes.num}>
                      {formatMoney(clerkTotal((c) => c.byMethod.upi))}
                    </Table.Td>
                    <Table.Td className={classes.num}>
                      {formatMoney(clerkTotal((c) => c.byMethod.card))}
                    </Table.Td>
                    <Table.Td className={classes.num}>
                      {formatMoney(clerkTotal((c) => c.receivedPaise))}
                    </Table.Td>
                    <Table.Td className={classes.num}>
                      {formatMoney(clerkTotal((c) => c.cashRefundedPaise))}
                    </Table.Td>
                    <Table.Td className={classes.num}>
                      {formatMoney(clerkTotal((c) => c.cashInHandPaise))}
                    </Table.Td>
                  </Table.Tr>
                </Table.Tfoot>
              )}
            </Table>
          </div>
        )}
      </section>
    </>
  );
}

function Figure({
  label,
  paise,
  testId,
  strong = false,
}: {
  label: string;
  paise: number;
  testId: string;
  strong?: boolean;
}) {
  return (
    <Paper withBorder p="sm" className={classes.figure}>
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Text size="sm" fw={600}>
          {label}
        </Text>
        <Text fz={strong ? 'xl' : 'lg'} fw={700} data-testid={`total-${testId}`}>
          {formatMoney(paise)}
        </Text>
      </Group>
    </Paper>
  );
}
