import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatInstant, formatMoney } from '../../../lib/temple-format.ts';
import { useTemple } from '../../../lib/use-temple.ts';
import { useUiLanguage } from '../../../lib/use-ui-language.ts';
import { fullRefundUntil, refundDueIfCancelledAt } from '../refund-policy.ts';
import type { Receipt } from './printable-receipt.tsx';

interface PolicyProps {
  receipt: Receipt;
  startsAt: string;
  refundFullHoursBefore: number;
}

/** Beside a paid booking: until when cancelling brings the whole offering back. */
export function RefundPolicyNote({
  startsAt,
  refundFullHoursBefore,
}: Omit<PolicyProps, 'receipt'>) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const { timeZone } = useTemple();
  const until = fullRefundUntil(startsAt, refundFullHoursBefore).toISOString();
  return (
    <Text data-testid="refund-policy">
      {t('payment.policy.fullUntil', { when: formatInstant(until, language, timeZone) })}
    </Text>
  );
}

/** In the cancel dialog, before the devotee confirms: what they will get back, if anything. */
export function RefundOnCancel({ receipt, startsAt, refundFullHoursBefore }: PolicyProps) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const amount = formatMoney(receipt.amountPaise, language);
  const due = refundDueIfCancelledAt(new Date(), startsAt, refundFullHoursBefore);
  return (
    <Text fw={700} data-testid="refund-on-cancel">
      {!due
        ? t('payment.policy.onCancelNone', { count: refundFullHoursBefore })
        : receipt.method === 'online'
          ? t('payment.policy.onCancelOnline', { amount })
          : t('payment.policy.onCancelCounter', { amount })}
    </Text>
  );
}
