import { Alert, Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatInstant } from '../../../lib/temple-format.ts';
import { useTemple } from '../../../lib/use-temple.ts';
import { useUiLanguage } from '../../../lib/use-ui-language.ts';
import { paymentStepPath } from '../api/payment-order.ts';

/**
 * A booking still waiting for its online payment: until when its places are held, and the way
 * to the payment step. A plain link, not the router's: the payment step must load as a page of
 * its own, the only one whose policy lets Razorpay's script in.
 */
export function PayNowPanel({
  reference,
  token,
  holdExpiresAt,
}: {
  reference: string;
  token: string;
  holdExpiresAt: string | null;
}) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const { timeZone } = useTemple();
  return (
    <Alert color="saffron" variant="light" radius="md" data-testid="pay-now-panel">
      <Stack gap="md">
        <Text fw={700}>
          {t('payment.pendingText', {
            time: holdExpiresAt ? formatInstant(holdExpiresAt, language, timeZone) : '',
          })}
        </Text>
        <Button component="a" href={paymentStepPath(reference, token)} size="xl" fullWidth>
          {t('payment.payNow')}
        </Button>
      </Stack>
    </Alert>
  );
}
