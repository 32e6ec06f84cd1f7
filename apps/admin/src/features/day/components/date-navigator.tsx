import { Button, Group } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import { addDays } from '../../../lib/calendar-date.ts';

interface DateNavigatorProps {
  date: string;
  today: string;
  onChange: (date: string) => void;
}

/** Previous / today / next and a date picker; the day view also binds ← → and T to these. */
export function DateNavigator({ date, today, onChange }: DateNavigatorProps) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" wrap="wrap">
      <Button
        variant="default"
        onClick={() => onChange(addDays(date, -1))}
        aria-label={t('day.previous')}
      >
        <span aria-hidden="true">←</span>
      </Button>
      <Button variant={date === today ? 'filled' : 'default'} onClick={() => onChange(today)}>
        {t('day.today')}
      </Button>
      <Button
        variant="default"
        onClick={() => onChange(addDays(date, 1))}
        aria-label={t('day.next')}
      >
        <span aria-hidden="true">→</span>
      </Button>
      <DatePickerInput
        // Its name is the date it shows; a separate label would not match what is seen.
        value={date}
        onChange={(v) => v && onChange(v)}
        valueFormat="ddd D MMM YYYY"
        w={170}
      />
    </Group>
  );
}
