import { Alert, Container } from '@mantine/core';
import { useNetwork } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';

/** Says so plainly when the phone is offline; queries pause and resume by themselves. */
export function OfflineBanner() {
  const { t } = useTranslation();
  const { online } = useNetwork();
  if (online) return null;
  return (
    // Sticky, so it stays in view on a long page.
    <Container size={720} pt="md" pos="sticky" top={0} style={{ zIndex: 10 }}>
      <Alert role="status" color="saffron" variant="outline" radius="md" bg="saffron.1">
        {t('app.offline')}
      </Alert>
    </Container>
  );
}
