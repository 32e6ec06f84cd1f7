import type { Seva } from '@sevabook/shared';
import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatTime, localized } from '../../../lib/temple-format.ts';
import { useUiLanguage } from '../../../lib/use-ui-language.ts';

/** A wall time ("07:00") that many minutes earlier, as "HH:MM" (a seva just after midnight wraps). */
function minutesBefore(time: string, minutes: number): string {
  const [hours = 0, mins = 0] = time.split(':').map(Number);
  const total = (((hours * 60 + mins - minutes) % 1440) + 1440) % 1440;
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

/**
 * What the seva asks of the devotee on the day, as the WhatsApp confirmation says it too: when
 * to be at the temple and what to bring or wear. Nothing when the seva asks nothing.
 */
export function VisitNotes({
  seva,
  time,
}: {
  seva: Pick<Seva, 'arriveMinutesBefore' | 'bringNote'>;
  time: string;
}) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  if (seva.arriveMinutesBefore === 0 && !seva.bringNote) return null;
  return (
    <Alert color="leaf" variant="light" radius="md" data-testid="visit-notes">
      {seva.arriveMinutesBefore > 0 && (
        <Text fw={700}>
          {t('confirmation.arriveBy')}:{' '}
          {formatTime(minutesBefore(time, seva.arriveMinutesBefore), language)}
        </Text>
      )}
      {seva.bringNote && (
        <Text>
          {t('confirmation.bring')}: {localized(seva.bringNote, language)}
        </Text>
      )}
    </Alert>
  );
}
