import { Card, Stack, Text } from '@mantine/core';
import { QRCodeSVG } from 'qrcode.react';
import { useTranslation } from 'react-i18next';
import classes from './bookings.module.css';

/** The reference in large type and as a QR code, for the counter to read or scan. */
export function ReferenceCard({ reference }: { reference: string }) {
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
            value={reference}
            size={168}
            level="M"
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
