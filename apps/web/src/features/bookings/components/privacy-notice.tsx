import { Stack, Text } from '@mantine/core';
import { templeQueryOptions } from '@sevabook/ui';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';

/**
 * What the booking form tells the devotee before they book, as the DPDP Act 2023 asks: what is
 * kept, why, for how long and how to have it erased, in the devotee's language. The form sends
 * PRIVACY_NOTICE_VERSION with the booking, so the booking records which notice was shown: bump
 * it whenever these words change.
 */
export function PrivacyNotice() {
  const { t } = useTranslation();
  // The period comes from the temple's answer, which the page header has already asked for;
  // this only reads it (never asks itself), so the form costs no request of its own.
  const { data: temple } = useQuery({
    ...templeQueryOptions({ oncePerVisit: true }),
    enabled: false,
  });
  const days = temple?.personalDataRetentionDays;
  return (
    <Stack gap={4} component="section" aria-labelledby="privacy-notice-title">
      <Text fw={700} id="privacy-notice-title">
        {t('privacy.title')}
      </Text>
      <Text>{t('privacy.what')}</Text>
      <Text>{days ? t('privacy.howLong', { days }) : t('privacy.howLongUnknown')}</Text>
      <Text>{t('privacy.erase')}</Text>
    </Stack>
  );
}
