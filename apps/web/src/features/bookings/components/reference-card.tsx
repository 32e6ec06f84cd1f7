import { Card, Stack, Text } from '@mantine/core';
import { QRCodeSVG } from 'qrcode.react';
import { useTranslation } from 'react-i18next';
import classes from './bookings.module.css';

/**
 * The reference in large type, for the counter to read, and the booking's check-in code as a QR
 * code, for the gate to scan. The code is 28 characters of the QR alphanumeric set: a version 2
 * symbol even at level Q, whose extra error correction lets a phone read it from a cracked
 * screen (docs/decisions/0019-check-in-codes-and-waitlist-offers.md).
 */
export function ReferenceCard({
  reference,
  checkInCode,
}: {
  reference: string;
  checkInCode: string;
}) {
  const { t } = useTranslation();
  return (
    <Card radius="md" padding="lg" className={classes.referenceCard}>
      <Stack gap="xs" align="center">
        <Text fw={700} c="dimmed">
          {t('confirmation.reference')}
        </Text>
        <Text className={classes.reference} data-testid="booking-reference">
          {reference}
        </Text>
        <div className={classes.qr}>
          <QRCodeSVG
            value={checkInCode}
            size={168}
            level="Q"
            fgColor="#2b1810"
            bgColor="#ffffff"
            title={t('confirmation.qrLabel', { reference })}
            role="img"
            aria-label={t('confirmation.qrLabel', { reference })}
          />
        </div>
        <Text size="sm" c="dimmed">
          {t('confirmation.showAtCounter')}
        </Text>
      </Stack>
    </Card>
  );
}
