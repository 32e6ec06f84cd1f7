import type { AdminWaitlistEntry } from '@sevabook/shared';
import { Alert, Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatInstant } from '../../../lib/temple-format.ts';
import { useCan } from '../../../lib/use-session.ts';
import { useTemple } from '@sevabook/ui';
import { useSlotWaitlist, useWaitlistAction } from '../api/waitlist-api.ts';

const statusColor: Record<AdminWaitlistEntry['status'], string> = {
  waiting: 'blue',
  offered: 'green',
  booked: 'teal',
  expired: 'gray',
  removed: 'gray',
};

/**
 * A slot's waiting list for the counter: who waits, in order, for how many places; who holds
 * an offer and until when. Staff offer free places to an entry by hand, or remove one.
 */
export function WaitlistPanel({ slotId }: { slotId: number }) {
  const { t } = useTranslation();
  const canChange = useCan('changeBookings');
  const list = useSlotWaitlist(slotId);
  const offer = useWaitlistAction(slotId, 'offer');
  const remove = useWaitlistAction(slotId, 'remove');
  const failed = offer.error ?? remove.error;
  const { timeZone } = useTemple();
  // In the temple's time, whatever the counter tablet's clock zone.
  const time = (iso: string) => formatInstant(iso, timeZone);

  if (list.isPending) return <Text>{t('waitlist.loading')}</Text>;
  if (list.isError) return <Alert color="red">{t('waitlist.loadFailed')}</Alert>;
  const { items, capacity, booked } = list.data;
  const free = Math.max(0, capacity - booked);

  return (
    <Stack gap="sm" data-testid="waitlist-panel">
      <Group justify="space-between">
        <Title order={2} size="h3">
          {t('waitlist.title')}
        </Title>
        <Text>{t('waitlist.places', { booked, capacity, free })}</Text>
      </Group>
      {failed && <Alert color="red">{t('waitlist.actionFailed')}</Alert>}
      {items.length === 0 ? (
        <Text c="dimmed">{t('waitlist.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('waitlist.position')}</Table.Th>
                <Table.Th>{t('waitlist.name')}</Table.Th>
                <Table.Th>{t('waitlist.phone')}</Table.Th>
                <Table.Th>{t('waitlist.persons')}</Table.Th>
                <Table.Th>{t('waitlist.status')}</Table.Th>
                {canChange && <Table.Th>{t('waitlist.actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((entry) => (
                <Table.Tr key={entry.id} data-testid={`waitlist-entry-${entry.id}`}>
                  <Table.Td>{entry.position ?? '—'}</Table.Td>
                  <Table.Td>{entry.devoteeName}</Table.Td>
                  <Table.Td>{entry.phone}</Table.Td>
                  <Table.Td>{entry.persons}</Table.Td>
                  <Table.Td>
                    <Badge color={statusColor[entry.status]} variant="light">
                      {t(`waitlist.statuses.${entry.status}`)}
                    </Badge>
                    {entry.offer && (
                      <Text size="sm">
                        {t('waitlist.heldUntil', { time: time(entry.offer.holdExpiresAt) })}
                      </Text>
                    )}
                  </Table.Td>
                  {canChange && (
                    <Table.Td>
                      <Group gap="xs">
                        {entry.status === 'waiting' && (
                          <Button
                            size="compact-md"
                            disabled={entry.persons > free}
                            loading={offer.isPending && offer.variables === entry.id}
                            onClick={() => offer.mutate(entry.id)}
                          >
                            {t('waitlist.offer')}
                          </Button>
                        )}
                        {(entry.status === 'waiting' || entry.status === 'offered') && (
                          <Button
                            size="compact-md"
                            variant="default"
                            color="red"
                            loading={remove.isPending && remove.variables === entry.id}
                            onClick={() => remove.mutate(entry.id)}
                          >
                            {t('waitlist.remove')}
                          </Button>
                        )}
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
