import {
  Button,
  Checkbox,
  Group,
  Modal,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { AdminSeva, ClosedDate, CreateClosedDate } from '@sevabook/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/feedback/error-state.tsx';
import { TextField } from '../../../components/form/text-field.tsx';
import { problemSentence } from '../../../lib/problem-sentence.ts';
import { formatDate } from '../../../lib/temple-format.ts';
import { useCreateClosedDate } from '../api/create-closed-date.ts';
import { useDeleteClosedDate } from '../api/delete-closed-date.ts';
import { useDateClosingImpact } from '../api/get-closing-impact.ts';
import { ClosingImpactText } from './closing-impact-text.tsx';

interface ClosedDatesProps {
  seva: AdminSeva;
  closedDates: ClosedDate[];
  today: string;
  canEdit: boolean;
}

/** Dates with no slots for this seva (or for the whole temple): festivals, eclipses. */
export function ClosedDates({ seva, closedDates, today, canEdit }: ClosedDatesProps) {
  const { t } = useTranslation();
  const create = useCreateClosedDate();
  const remove = useDeleteClosedDate();
  const [date, setDate] = useState(today);
  const [reason, setReason] = useState('');
  const [wholeTemple, setWholeTemple] = useState(false);
  // Closing cancels bookings for good: the form only asks, this confirmation does it.
  const [asking, setAsking] = useState<CreateClosedDate>();
  const mine = closedDates.filter((c) => c.sevaId === null || c.sevaId === seva.id);

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setAsking({ date, reason: reason.trim(), sevaId: wholeTemple ? null : seva.id });
  };

  const close = (input: CreateClosedDate) =>
    create.mutate(input, {
      onSuccess: (change) => {
        setAsking(undefined);
        notifications.show({
          color: 'leaf',
          message: t('sevas.closed', {
            date: formatDate(change.closedDate.date, 'short'),
            slots: change.slotsCancelled,
            bookings: change.bookingsCancelled,
          }),
        });
        setReason('');
      },
    });

  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <div>
          <Title order={3}>{t('sevas.closedDates')}</Title>
          <Text size="sm">{t('sevas.closedHelp')}</Text>
        </div>
        {mine.length === 0 ? (
          <Text size="sm">{t('sevas.noClosed')}</Text>
        ) : (
          <Table fz="sm" verticalSpacing={4}>
            <Table.Tbody>
              {mine.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>{formatDate(c.date, 'short')}</Table.Td>
                  <Table.Td>{c.reason}</Table.Td>
                  <Table.Td>{c.sevaId === null ? t('sevas.allTemple') : seva.name.en}</Table.Td>
                  {canEdit && (
                    <Table.Td>
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        onClick={() =>
                          remove.mutate(c.id, {
                            onError: (err) =>
                              notifications.show({
                                color: 'red',
                                message: problemSentence(err, t),
                              }),
                          })
                        }
                      >
                        {t('sevas.reopen')}
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {canEdit && mine.length > 0 && (
          <Text size="sm" c="dimmed">
            {t('closing.reopenNote')}
          </Text>
        )}
        {asking && (
          <ConfirmClosing
            input={asking}
            scope={asking.sevaId === null ? t('sevas.allTemple') : seva.name.en}
            pending={create.isPending}
            error={create.isError ? create.error : null}
            onConfirm={() => close(asking)}
            onCancel={() => {
              create.reset();
              setAsking(undefined);
            }}
          />
        )}
        {canEdit && (
          <form onSubmit={submit} noValidate aria-label={t('sevas.closeDate')}>
            <Stack gap="sm">
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextField label={t('sevas.date')} type="date" value={date} onChange={setDate} />
                <TextField label={t('sevas.reason')} value={reason} onChange={setReason} />
              </SimpleGrid>
              <Checkbox
                label={t('sevas.wholeTemple')}
                checked={wholeTemple}
                onChange={(e) => setWholeTemple(e.currentTarget.checked)}
              />
              <Group justify="flex-end">
                <Button
                  type="submit"
                  variant="light"
                  color="red"
                  disabled={reason.trim().length < 2}
                >
                  {t('sevas.closeDate')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Paper>
  );
}

interface ConfirmClosingProps {
  input: CreateClosedDate;
  scope: string;
  pending: boolean;
  error: unknown;
  onConfirm: () => void;
  onCancel: () => void;
}

/** "Close 2 October for Vahana Puja? This cancels 3 bookings of 2 devotees …" */
function ConfirmClosing({
  input,
  scope,
  pending,
  error,
  onConfirm,
  onCancel,
}: ConfirmClosingProps) {
  const { t } = useTranslation();
  const impact = useDateClosingImpact({ date: input.date, sevaId: input.sevaId });
  const bookings = impact.data?.bookings ?? 0;
  return (
    <Modal
      opened
      onClose={onCancel}
      title={t('closing.dateTitle', { date: formatDate(input.date, 'short'), scope })}
      closeButtonProps={{ 'aria-label': t('app.close') }}
    >
      <Stack gap="sm">
        <Text size="sm">{t('closing.reasonTold', { reason: input.reason })}</Text>
        <ClosingImpactText impact={impact} />
        {error !== null && <ErrorState error={error} />}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onCancel}>
            {t('closing.keepOpen')}
          </Button>
          <Button color="red.9" loading={pending} disabled={!impact.data} onClick={onConfirm}>
            {bookings > 0 ? t('closing.confirmCancel', { count: bookings }) : t('sevas.closeDate')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
