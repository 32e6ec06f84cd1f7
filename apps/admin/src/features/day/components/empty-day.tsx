import { Alert, Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { addDays } from '../../../lib/calendar-date.ts';
import { formatDate } from '../../../lib/temple-format.ts';
import { useSlots } from '../../../lib/slots/get-slots.ts';

const LOOK_AHEAD_DAYS = 60;

/** "No slots on this day", and where the next day with slots is. */
export function EmptyDay({ date }: { date: string }) {
  const { t } = useTranslation();
  const ahead = useSlots({ from: addDays(date, 1), to: addDays(date, LOOK_AHEAD_DAYS) });
  const next = ahead.data?.items.find((s) => s.status === 'open')?.date;
  return (
    <Alert color="saffron" variant="light" role="status">
      <Text>
        {t('day.empty')}{' '}
        {next && (
          <Anchor component={Link} to={`/day?date=${next}`}>
            {t('day.nextDay', { date: formatDate(next) })}
          </Anchor>
        )}
      </Text>
    </Alert>
  );
}
