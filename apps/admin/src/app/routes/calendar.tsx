import { Group, Select, Stack, Text, Title } from '@mantine/core';
import { useTemple } from '@sevabook/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../components/feedback/query-state.tsx';
import { SlotCalendar } from '../../features/calendar/components/slot-calendar.tsx';
import { useAdminSevas } from '../../features/sevas/api/get-admin-sevas.ts';
import { todayIn } from '../../lib/calendar-date.ts';
import { bilingual } from '../../lib/temple-format.ts';

function templeNow(timeZone: string): string {
  const time = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).format(new Date());
  return `${todayIn(timeZone)}T${time}`;
}

export default function CalendarRoute() {
  const { t } = useTranslation();
  const { timeZone } = useTemple();
  const sevas = useAdminSevas();
  const [sevaId, setSevaId] = useState<string | null>(null);
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>{t('calendar.title')}</Title>
          <Text size="sm" c="dimmed">
            {t('calendar.legend')}
          </Text>
        </div>
        <Select
          label={t('calendar.seva')}
          placeholder={t('calendar.allSevas')}
          data={(sevas.data?.items ?? []).map((s) => ({
            value: String(s.id),
            label: bilingual(s.name),
          }))}
          value={sevaId}
          onChange={setSevaId}
          clearable
          searchable
          w={280}
        />
      </Group>
      <QueryState query={sevas}>
        {(data) => (
          <SlotCalendar
            sevas={data.items}
            sevaId={sevaId ? Number(sevaId) : undefined}
            now={templeNow(timeZone)}
          />
        )}
      </QueryState>
    </Stack>
  );
}
