import { Checkbox, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../../lib/temple-format.ts';
import type { RefundPreview } from '../refund-preview.ts';

/**
 * What cancelling gives back, said before the clerk cancels: the policy's refund (or none, and
 * why), and a box to decide otherwise. For a counter payment the clerk is told to hand the cash
 * back.
 */
export function RefundNote({
  preview,
  override,
  onOverride,
}: {
  preview: RefundPreview;
  override: boolean;
  onOverride: (override: boolean) => void;
}) {
  const { t } = useTranslation();
  if (preview.kind === 'not_paid')
    return (
      <Text size="sm" px={6} data-testid="refund-note">
        {t('payments.cancel.notPaid')}
      </Text>
    );
  const amount = formatMoney(preview.amountPaise);
  const refunds = preview.kind === 'full' ? !override : override;
  return (
    <Stack gap={4} px={6} maw={300} data-testid="refund-note">
      <Text size="sm">
        {preview.kind === 'full'
          ? t('payments.cancel.full', { amount, hours: preview.hoursBefore })
          : t('payments.cancel.tooLate', { amount, hours: preview.hoursBefore })}
      </Text>
      <Checkbox
        size="sm"
        label={
          preview.kind === 'full'
            ? t('payments.cancel.keepIt')
            : t('payments.cancel.refundAnyway', { amount })
        }
        checked={override}
        onChange={(e) => onOverride(e.currentTarget.checked)}
      />
      {refunds && (
        <Text size="sm" fw={700} c={preview.inCash ? 'maroon.9' : undefined}>
          {preview.inCash ? t('payments.cancel.handCash', { amount }) : t('payments.cancel.online')}
        </Text>
      )}
    </Stack>
  );
}
