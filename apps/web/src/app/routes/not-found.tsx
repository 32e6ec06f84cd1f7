import { Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeading } from '../../components/feedback/page-heading.tsx';

export function NotFoundRoute() {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <PageHeading title={t('notFound.title')} />
      <Text>{t('notFound.text')}</Text>
      <Button component={Link} to="/" size="lg">
        {t('app.allSevas')}
      </Button>
    </Stack>
  );
}
