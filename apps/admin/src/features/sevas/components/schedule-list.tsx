import { Badge, Button, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { AdminSchedule } from '@sevabook/shared';
import { useTranslation } from 'react-i18next';
import { problemSentence } from '../../../lib/problem-sentence.ts';
import { formatDate, formatTime } from '../../../lib/temple-format.ts';
import { useUpdateSchedule } from '../api/update-schedule.ts';
import { ScrollTable } from '../../../components/layout/scroll-table.tsx';

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
  if (schedules.length === 0) return <Text>{t('sevas.noSchedules')}</Text>;
  return (
    <ScrollTable minWidth={640}>
      <Table striped fz="sm" verticalSpacing={6}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('sevas.weekdays')}</Table.Th>
            <Table.Th>{t('sevas.times')}</Table.Th>
            <Table.Th>{t('sevas.capacity')}</Table.Th>
            <Table.Th>{t('sevas.validFrom')}</Table.Th>
            <Table.Th>{t('sevas.validUntil')}</Table.Th>
            <Table.Th>{t('bookings.status')}</Table.Th>
            {canEdit && (
              <Table.Th>
                <span className="visually-hidden">{t('bookings.actions')}</span>
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {schedules.map((s) => (
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
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
