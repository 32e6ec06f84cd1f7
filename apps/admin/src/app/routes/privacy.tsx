import { Alert, Stack, Text, Title } from '@mantine/core';
import { templeQueryOptions } from '@sevabook/ui';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErasureForm } from '../../features/privacy/components/erasure-form.tsx';
import { useCan } from '../../lib/use-session.ts';

/** Devotees' personal data, for admins only: how long it is kept, and erasure on request. */
export default function PrivacyRoute() {
  const { t } = useTranslation();
  const allowed = useCan('manageStaff');
  const temple = useQuery(templeQueryOptions());
  if (!allowed) return <Alert color="saffron">{t('problems.forbidden')}</Alert>;
  return (
    <Stack>
      <Title order={1}>{t('privacy.title')}</Title>
      {temple.data && (
        <Text>{t('privacy.intro', { days: temple.data.personalDataRetentionDays })}</Text>
      )}
      <ErasureForm />
    </Stack>
  );
}
