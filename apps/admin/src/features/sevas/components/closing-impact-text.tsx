import { Alert, Loader, Text } from '@mantine/core';
import type { ClosingImpact } from '@sevabook/shared';
import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/feedback/error-state.tsx';

/**
 * The sentence said before closing: how many bookings and devotees it cancels, what they are
 * told, and that it cannot be taken back; or, when nothing is booked, only that no booking is
 * affected.
 */
export function ClosingImpactText({ impact }: { impact: UseQueryResult<ClosingImpact> }) {
  const { t } = useTranslation();
  if (impact.isError) return <ErrorState error={impact.error} />;
  if (!impact.data) return <Loader size="sm" aria-label={t('closing.counting')} />;
  const { bookings, devotees, persons, slots } = impact.data;
  // NOTE: with nothing booked there is nothing to lose, so the warning that reopening does not
  // bring bookings back would only alarm staff.
  if (bookings === 0) {
    return (
      <Alert color="gray" variant="light" data-testid="closing-impact">
        <Text size="sm">{t('closing.noBookings', { count: slots })}</Text>
      </Alert>
    );
  }
  return (
    <Alert color="red" variant="light" data-testid="closing-impact">
      <Text size="sm" fw={700}>
        {t('closing.cancels', {
          count: bookings,
          devotees: t('closing.devotees', { count: devotees }),
          persons: t('closing.persons', { count: persons }),
        })}
      </Text>
      <Text size="sm">{t('closing.message')}</Text>
      <Text size="sm" mt={4}>
        {t('closing.noWayBack')}
      </Text>
    </Alert>
  );
}
