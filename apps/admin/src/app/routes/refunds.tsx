import { Alert, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../components/feedback/query-state.tsx';
import { useRefunds } from '../../features/payments/api/get-refunds.ts';
import { RefundTable } from '../../features/payments/components/refund-table.tsx';

/**
 * What needs a person about refunds: online refunds Razorpay refused (to retry) and cash a clerk
 * still owes a devotee (to mark paid out once handed back).
 */
export default function RefundsRoute() {
  const { t } = useTranslation();
  const failed = useRefunds('failed');
  const due = useRefunds('due_at_counter');
  return (
    <Stack>
      <div>
        <Title order={1}>{t('payments.refunds.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('payments.refunds.intro')}
        </Text>
      </div>
      {[
        { id: 'due', query: due, title: 'dueTitle', empty: 'dueEmpty' },
        { id: 'failed', query: failed, title: 'failedTitle', empty: 'failedEmpty' },
      ].map(({ id, query, title, empty }) => (
        <Stack key={id} gap="xs" component="section" aria-labelledby={`refunds-${id}`}>
          <Title order={2} size="h3" id={`refunds-${id}`}>
            {t(`payments.refunds.${title as 'dueTitle' | 'failedTitle'}`)}
          </Title>
          <QueryState query={query}>
            {(data) => (
              <RefundTable
                items={data.items}
                empty={
                  <Alert color="leaf" variant="light">
                    {t(`payments.refunds.${empty as 'dueEmpty' | 'failedEmpty'}`)}
                  </Alert>
                }
              />
            )}
          </QueryState>
        </Stack>
      ))}
    </Stack>
  );
}
