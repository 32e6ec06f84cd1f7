import {
  formatPhoneInternational,
  nakshatras,
  rashis,
  sankalpaName,
  type Booking,
} from '@sevabook/shared';
import { Badge, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { ParseKeys } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatDate, formatMoney, formatTime, localized } from '../../../lib/temple-format.ts';
import { useUiLanguage } from '../../../lib/use-ui-language.ts';
import classes from './bookings.module.css';

/** A booking's details as a definition list: seva, date, time, persons, name, sankalpa, fee. */
export function BookingDetails({
  booking,
  withStatus = false,
  feeLabel,
}: {
  booking: Booking;
  withStatus?: boolean;
  /** The fee's label when it is not paid at the counter (paid online, say). */
  feeLabel?: string;
}) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const nakshatra = nakshatras.find((n) => n.key === booking.nakshatra);
  const rashi = rashis.find((r) => r.key === booking.rashi);

  const rows: Array<[string, ReactNode]> = [
    [t('booking.seva'), localized(booking.seva.name, language)],
    [t('booking.date'), formatDate(booking.slot.date, language, 'long')],
    [t('booking.time'), formatTime(booking.slot.time, language)],
    [t('booking.persons'), String(booking.persons)],
    [t('booking.name'), booking.devoteeName],
    [t('booking.phone'), formatPhoneInternational(booking.phone)],
  ];
  if (booking.gotra) rows.push([t('booking.gotra'), booking.gotra]);
  if (nakshatra) rows.push([t('booking.nakshatra'), sankalpaName(nakshatra, language)]);
  if (rashi) rows.push([t('booking.rashi'), sankalpaName(rashi, language)]);
  rows.push([
    feeLabel ?? t('booking.fee'),
    booking.feePaise === 0 ? t('seva.free') : formatMoney(booking.feePaise, language),
  ]);

  return (
    <dl className={classes.details}>
      {withStatus && (
        <div className={classes.row}>
          <dt>{t('booking.status')}</dt>
          <dd>
            <Badge
              size="lg"
              radius="sm"
              tt="none"
              color={
                booking.status === 'confirmed'
                  ? 'leaf.8'
                  : booking.status === 'pending_payment'
                    ? 'saffron.8'
                    : 'maroon.7'
              }
              data-testid="booking-status"
            >
              {statusWords[booking.status] ? t(statusWords[booking.status]!) : booking.status}
            </Badge>
          </dd>
        </div>
      )}
      {rows.map(([label, value]) => (
        <div className={classes.row} key={label}>
          <dt>{label}</dt>
          <dd>
            <Text component="span" fw={700}>
              {value}
            </Text>
          </dd>
        </div>
      ))}
    </dl>
  );
}

const statusWords: Partial<Record<Booking['status'], ParseKeys>> = {
  confirmed: 'booking.confirmed',
  cancelled: 'booking.cancelled',
  pending_payment: 'payment.statusPending',
  expired: 'payment.statusExpired',
};
