import { Button, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadCalendar } from '../api/download-calendar.ts';

/** "Add to calendar", fetching the file with the session. */
export function CalendarButton({ reference, token }: { reference: string; token: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<'idle' | 'loading' | 'failed'>('idle');
  const download = async () => {
    setState('loading');
    try {
      await downloadCalendar(reference, token);
      setState('idle');
    } catch {
      setState('failed');
    }
  };
  return (
    <div>
      <Button
        size="lg"
        variant="outline"
        fullWidth
        loading={state === 'loading'}
        onClick={() => void download()}
      >
        {t('confirmation.addToCalendar')}
      </Button>
      {state === 'failed' && (
        <Text c="maroon.7" role="alert" mt={4}>
          {t('myBookings.calendarFailed')}
        </Text>
      )}
    </div>
  );
}
