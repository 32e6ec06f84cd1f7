import type { LocalizedText } from '@sevabook/shared';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import {
  formatDate,
  formatInstant,
  formatMoney,
  formatTime,
  localized,
} from '../../../lib/temple-format.ts';
import { useTemple } from '../../../lib/use-temple.ts';
import { useUiLanguage } from '../../../lib/use-ui-language.ts';
import { methodName } from '../method-name.ts';
import classes from './receipt-print.module.css';

/** A payment's receipt as the API gives it. */
export interface Receipt {
  number: string;
  amountPaise: number;
  method: string;
  paidAt: string;
}

/** What a printed receipt names besides the payment itself. */
export interface ReceiptFacts {
  receipt: Receipt;
  reference: string;
  devoteeName: string;
  persons: number;
  seva: { name: Pick<LocalizedText, 'en' | 'kn'> & Partial<LocalizedText> };
  slot: { date: string; time: string };
}

/**
 * The receipt as it prints: the temple, the number, the date and every fact a temple office
 * asks for, on one A5 page. Drawn outside the app's root and shown only when printing.
 */
export function PrintableReceipt({ facts }: { facts: ReceiptFacts }) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const temple = useTemple();
  const { receipt } = facts;
  const rows: Array<[string, string]> = [
    [t('payment.receipt.number'), receipt.number],
    [t('payment.receipt.paidOn'), formatInstant(receipt.paidAt, language, temple.timeZone)],
    [t('payment.receipt.devotee'), facts.devoteeName],
    [t('booking.seva'), localized(facts.seva.name, language)],
    [t('booking.date'), formatDate(facts.slot.date, language, 'long')],
    [t('booking.time'), formatTime(facts.slot.time, language)],
    [t('booking.persons'), String(facts.persons)],
    [t('payment.receipt.method'), methodName(t, receipt.method)],
    [t('confirmation.reference'), facts.reference],
  ];
  return createPortal(
    <section className={classes.printOnly} aria-hidden="true" data-testid="printable-receipt">
      <p className={classes.temple}>{temple.name ?? t('app.siteName')}</p>
      <h1 className={classes.heading}>{t('payment.receipt.heading')}</h1>
      <dl className={classes.rows}>
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
        <div className={classes.total}>
          <dt>{t('payment.receipt.amount')}</dt>
          <dd>{formatMoney(receipt.amountPaise, language)}</dd>
        </div>
      </dl>
    </section>,
    document.body,
  );
}
