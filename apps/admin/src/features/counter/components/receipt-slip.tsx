import { Divider, Stack, Text, Title } from '@mantine/core';
import { formatPhoneInternational, type AdminBooking } from '@sevabook/shared';
import { useTranslation } from 'react-i18next';
import { formatDate, formatInstant, formatMoney, formatTime } from '../../../lib/temple-format.ts';
import { nakshatraLabel, rashiLabel } from '../../../lib/sankalpa-labels.ts';
import classes from './receipt.module.css';

/** The slip handed to the devotee: narrow enough for a receipt printer, plain on paper. */
export function ReceiptSlip({
  booking,
  templeName,
  timeZone,
}: {
  booking: AdminBooking;
  templeName?: string;
  timeZone: string;
}) {
  const { t } = useTranslation();
  const rows: Array<[string, string | null]> = [
    [t('bookings.name'), booking.devoteeName],
    [t('bookings.phone'), formatPhoneInternational(booking.phone)],
    [t('bookings.persons'), String(booking.persons)],
    [t('bookings.gotra'), booking.gotra],
    [t('bookings.nakshatra'), nakshatraLabel(booking.nakshatra)],
    [t('bookings.rashi'), rashiLabel(booking.rashi)],
  ];
  return (
    <div className={classes.slip} data-testid="receipt">
      <Stack gap={6}>
        {templeName && (
          <Text fw={700} ta="center">
            {templeName}
          </Text>
        )}
        <Title order={2} size="h3" ta="center">
          {t('counter.receiptTitle')}
        </Title>
        <Text ta="center" className={classes.reference} data-testid="receipt-reference">
          {booking.reference}
        </Text>
        <Divider />
        <Text fw={700}>
          {booking.seva.name.en} · <span lang="kn">{booking.seva.name.kn}</span>
        </Text>
        <Text>
          {formatDate(booking.slot.date)}, {formatTime(booking.slot.time)}
        </Text>
        <Divider />
        <dl className={classes.details}>
          {rows
            .filter(([, v]) => v)
            .map(([k, v]) => (
              <div key={k}>
                <dt>{k}</dt>
                <dd>{v}</dd>
              </div>
            ))}
        </dl>
        <Divider />
        {booking.payment ? (
          // Paid at once: the slip carries the receipt number and how it was paid.
          <>
            <Text fw={700} data-testid="receipt-paid">
              {t('payments.paid')} {formatMoney(booking.payment.amountPaise)} ·{' '}
              {t(`payments.methods.${booking.payment.method}`)}
            </Text>
            <Text className={classes.receiptNumber} data-testid="receipt-number">
              {t('payments.receipt.number')} {booking.payment.receiptNumber}
            </Text>
          </>
        ) : (
          <Text fw={700}>
            {t('counter.receiptFee')}:{' '}
            {booking.feePaise === 0 ? t('counter.receiptFree') : formatMoney(booking.feePaise)}
          </Text>
        )}
        <Text size="sm">{t('counter.receiptThanks')}</Text>
        <Text size="xs">{formatInstant(booking.createdAt, timeZone)}</Text>
      </Stack>
    </div>
  );
}
