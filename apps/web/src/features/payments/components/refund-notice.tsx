import { Alert, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../../lib/temple-format.ts';
import { useUiLanguage } from '../../../lib/use-ui-language.ts';

/** A cancelled booking's refund as the API gives it. */
export interface Refund {
  amountPaise: number;
  /** razorpay: back to the UPI account or card; cash: at the counter. */
  method: string;
  status: string;
}

/**
 * What became of a cancelled booking's money, in words: on its way back to the UPI account or
 * card, back already, waiting in cash at the counter, or (past the policy) not due.
 */
export function RefundNotice({ refund }: { refund: Refund | null }) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const amount = refund ? formatMoney(refund.amountPaise, language) : '';
  const sentence = !refund
    ? t('payment.refund.none')
    : refund.method === 'cash'
      ? refund.status === 'processed'
        ? t('payment.refund.refundedInCash', { amount })
        : t('payment.refund.due_at_counter', { amount })
      : refund.status === 'processed'
        ? t('payment.refund.processed', { amount })
        : refund.status === 'failed'
          ? t('payment.refund.failed', { amount })
          : t('payment.refund.pending', { amount });
  return (
    <Alert
      color={refund?.status === 'failed' ? 'maroon' : 'leaf'}
      variant="light"
      radius="md"
      data-testid="refund"
      data-refund-status={refund?.status ?? 'none'}
    >
      <Title order={2} fz="h3" mb={4}>
        {t('payment.refund.title')}
      </Title>
      <Text fw={700}>{sentence}</Text>
    </Alert>
  );
}
