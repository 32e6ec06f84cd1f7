import { Alert, Container } from '@mantine/core';
import { useNetwork } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';

/** Says so plainly when the phone is offline; queries pause and resume by themselves. */
export function OfflineBanner() {
  const { t } = useTranslation();
  const { online } = useNetwork();
  if (online) return null;
  return (
    <Container size={720} pt="md">
      <Alert role="status" color="saffron" variant="light" radius="md" title={null}>
        {t('app.offline')}
      </Alert>
    </Container>
  );
}
