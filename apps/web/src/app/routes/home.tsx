import { SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../components/feedback/page-heading.tsx';
import { QueryState } from '../../components/feedback/query-state.tsx';
import { useSevas } from '../../features/sevas/api/get-sevas.ts';
import { SevaCard } from '../../features/sevas/components/seva-card.tsx';

export function HomeRoute() {
  const { t } = useTranslation();
  const sevas = useSevas();

  return (
    <Stack gap="lg">
      <div>
        <PageHeading title={t('home.title')} />
        <Text mt="xs">{t('home.intro')}</Text>
      </div>
      <QueryState
        query={sevas}
        skeleton={
          <Stack gap="md" role="status" aria-busy="true" aria-label={t('app.loading')}>
            {[0, 1, 2].map((i) => (
              <Skeleton key={i} height={260} radius="md" />
            ))}
          </Stack>
        }
      >
        {({ items }) =>
          items.length === 0 ? (
            <Text>{t('home.empty')}</Text>
          ) : (
            // Two columns where there is room; one on a phone.
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              {items.map((seva) => (
                <SevaCard key={seva.id} seva={seva} />
              ))}
            </SimpleGrid>
          )
        }
      </QueryState>
    </Stack>
  );
}
