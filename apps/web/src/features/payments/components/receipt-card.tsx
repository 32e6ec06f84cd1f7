import { Button, Card, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatInstant, formatMoney } from '../../../lib/temple-format.ts';
import { useTemple } from '../../../lib/use-temple.ts';
import { useUiLanguage } from '../../../lib/use-ui-language.ts';
import { methodName } from '../method-name.ts';
import { PrintableReceipt, type ReceiptFacts } from './printable-receipt.tsx';
import classes from './payments.module.css';

/** A booking's receipt as the devotee reads it, with a copy to print on one A5 page. */
export function ReceiptCard({ facts }: { facts: ReceiptFacts }) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const { timeZone } = useTemple();
  const { receipt } = facts;
  const rows: Array<[string, string, string]> = [
    [t('payment.receipt.number'), receipt.number, 'receipt-number'],
    [t('payment.receipt.amount'), formatMoney(receipt.amountPaise, language), 'receipt-amount'],
    [t('payment.receipt.method'), methodName(t, receipt.method), 'receipt-method'],
    [
      t('payment.receipt.paidOn'),
      formatInstant(receipt.paidAt, language, timeZone),
      'receipt-date',
    ],
  ];
  return (
    <Card radius="md" padding="lg" className={classes.receiptCard} data-testid="receipt">
      <Stack gap="sm">
        <Title order={2}>{t('payment.receipt.title')}</Title>
        <dl className={classes.facts}>
          {rows.map(([label, value, id]) => (
            <div key={id}>
              <dt>{label}</dt>
              <dd data-testid={id}>{value}</dd>
            </div>
          ))}
        </dl>
        <Button variant="outline" size="lg" fullWidth onClick={() => window.print()}>
          {t('payment.receipt.print')}
        </Button>
      </Stack>
      <PrintableReceipt facts={facts} />
    </Card>
  );
}
