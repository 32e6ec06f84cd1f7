import { Anchor, Badge, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { AdminSlot } from '@sevabook/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, formatTime } from '../../../lib/temple-format.ts';

/** The seva's slots over the next two weeks, as the schedules and closed dates made them. */
export function UpcomingSlots({ slots }: { slots: AdminSlot[] }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={3}>{t('sevas.upcoming')}</Title>
        {slots.length === 0 ? (
          <Text size="sm">{t('sevas.noUpcoming')}</Text>
        ) : (
          <Table fz="sm" verticalSpacing={4} data-testid="upcoming-slots">
            <Table.Tbody>
              {slots.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/day?date=${s.date}&slot=${s.id}`}>
                      {formatDate(s.date, 'short')} {formatTime(s.time)}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    {s.booked}/{s.capacity}
                  </Table.Td>
                  <Table.Td>
                    {s.status !== 'open' && (
                      <Badge color="gray" variant="light">
                        {s.status === 'closed' ? t('day.slotClosed') : t('day.slotCancelled')}
                      </Badge>
                    )}
                    {s.note && <Text size="xs">{s.note}</Text>}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}
