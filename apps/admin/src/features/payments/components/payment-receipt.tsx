import { formatPhoneInternational } from '@sevabook/shared';
import { useTranslation } from 'react-i18next';
import { formatDate, formatInstant, formatMoney, formatTime } from '../../../lib/temple-format.ts';
import type { BookingPayment } from '../payment-types.ts';
import classes from './payment-receipt.module.css';

export interface ReceiptBooking {
  reference: string;
  devoteeName: string;
  phone: string;
  persons: number;
  slot: { date: string; time: string };
  seva: { name: { en: string; kn: string } };
}

/**
 * The receipt for a payment, on one A5 page: the temple, the number, who paid how much for which
 * seva, how, and who took it. Printed from its own page, so nothing else comes with it.
 */
export function PaymentReceipt({
  booking,
  payment,
  templeName,
  timeZone,
}: {
  booking: ReceiptBooking;
  payment: BookingPayment;
  templeName?: string;
  timeZone: string;
}) {
  const { t } = useTranslation();
  const rows: Array<[string, string]> = [
    [t('payments.receipt.date'), formatInstant(payment.paidAt, timeZone)],
    [
      t('payments.receipt.devotee'),
      `${booking.devoteeName} · ${formatPhoneInternational(booking.phone)}`,
    ],
    [t('payments.receipt.booking'), booking.reference],
    [t('payments.receipt.seva'), `${booking.seva.name.en} · ${booking.seva.name.kn}`],
    [
      t('payments.receipt.when'),
      `${formatDate(booking.slot.date)}, ${formatTime(booking.slot.time)}`,
    ],
    [t('payments.receipt.persons'), String(booking.persons)],
    [t('payments.receipt.method'), t(`payments.methods.${payment.method}`)],
  ];
  if (payment.recordedBy) rows.push([t('payments.receipt.receivedBy'), payment.recordedBy.name]);
  return (
    <article
      className={classes.receipt}
      data-testid="payment-receipt"
      aria-labelledby="receipt-title"
    >
      {templeName && <p className={classes.temple}>{templeName}</p>}
      <h1 id="receipt-title" className={classes.title}>
        {t('payments.receipt.title')}
      </h1>
      <p className={classes.number}>
        {t('payments.receipt.number')}{' '}
        <span data-testid="payment-receipt-number">{payment.receiptNumber}</span>
      </p>
      <dl className={classes.rows}>
        {rows.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      <p className={classes.amount}>
        {t('payments.receipt.amount')} <strong>{formatMoney(payment.amountPaise)}</strong>
      </p>
      <p className={classes.thanks}>{t('payments.receipt.thanks')}</p>
    </article>
  );
}
