import { Badge, Button, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { AdminSchedule } from '@sevabook/shared';
import { useTranslation } from 'react-i18next';
import { problemSentence } from '../../../lib/problem-sentence.ts';
import { formatDate, formatTime } from '../../../lib/temple-format.ts';
import { useUpdateSchedule } from '../api/update-schedule.ts';
import { ListTable } from '../../../components/layout/list-table.tsx';

const weekdayNames = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

export function ScheduleList({
  schedules,
  canEdit,
  defaultCapacity,
}: {
  schedules: AdminSchedule[];
  canEdit: boolean;
  defaultCapacity: number;
}) {
  const { t } = useTranslation();
  const update = useUpdateSchedule();
  return (
    <ListTable
      minWidth={640}
      headings={[
        t('sevas.weekdays'),
        t('sevas.times'),
        t('sevas.capacity'),
        t('sevas.validFrom'),
        t('sevas.validUntil'),
        t('bookings.status'),
      ]}
      actions={canEdit}
      rows={schedules}
      empty={<Text>{t('sevas.noSchedules')}</Text>}
    >
      {(s) => (
        <Table.Tr key={s.id}>
          <Table.Td>{s.weekdays.map((d) => weekdayNames[d - 1]).join(', ')}</Table.Td>
          <Table.Td>{s.times.map(formatTime).join(', ')}</Table.Td>
          <Table.Td>{s.capacity ?? defaultCapacity}</Table.Td>
          <Table.Td>{formatDate(s.validFrom, 'short')}</Table.Td>
          <Table.Td>{s.validUntil ? formatDate(s.validUntil, 'short') : '—'}</Table.Td>
          <Table.Td>
            <Badge
              variant="light"
              color={s.active ? 'leaf' : 'gray'}
              styles={{ label: { overflow: 'visible' } }}
            >
              {s.active ? t('sevas.scheduleActive') : t('sevas.scheduleStopped')}
            </Badge>
          </Table.Td>
          {canEdit && (
            <Table.Td>
              <Button
                size="compact-sm"
                variant="subtle"
                loading={update.isPending && update.variables.id === s.id}
                onClick={() =>
                  update.mutate(
                    { id: s.id, body: { active: !s.active } },
                    {
                      onError: (e) =>
                        notifications.show({ color: 'red', message: problemSentence(e, t) }),
                    },
                  )
                }
              >
                {s.active ? t('sevas.stopSchedule') : t('sevas.resumeSchedule')}
              </Button>
            </Table.Td>
          )}
        </Table.Tr>
      )}
    </ListTable>
  );
}
