import { Skeleton, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The shape of a page while its code or data loads, so nothing jumps when it arrives. */
export function PageSkeleton({ cards = 3 }: { cards?: number }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md" aria-busy="true" aria-label={t('app.loading')} role="status">
      <Skeleton height={34} width="60%" radius="sm" />
      <Skeleton height={18} width="90%" radius="sm" />
      {Array.from({ length: cards }, (_, i) => (
        <Skeleton key={i} height={150} radius="md" />
      ))}
    </Stack>
  );
}
