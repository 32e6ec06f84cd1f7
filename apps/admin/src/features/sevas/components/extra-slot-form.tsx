import { Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { AdminSeva } from '@sevabook/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/feedback/error-state.tsx';
import { TextField } from '../../../components/form/text-field.tsx';
import { formatDate, formatTime } from '../../../lib/temple-format.ts';
import { useCreateSlot } from '../api/create-slot.ts';
import { PlacesField } from './places-field.tsx';

export function ExtraSlotForm({ seva, today }: { seva: AdminSeva; today: string }) {
  const { t } = useTranslation();
  const create = useCreateSlot();
  const [date, setDate] = useState(today);
  const [time, setTime] = useState('');
  const [capacity, setCapacity] = useState<number | ''>('');
  const [note, setNote] = useState('');
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    create.mutate(
      {
        sevaId: seva.id,
        date,
        time,
        ...(capacity === '' ? {} : { capacity }),
        ...(note.trim() ? { note: note.trim() } : {}),
      },
      {
        onSuccess: (slot) => {
          notifications.show({
            color: 'leaf',
            message: t('sevas.slotAdded', {
              date: formatDate(slot.date, 'short'),
              time: formatTime(slot.time),
            }),
          });
          setTime('');
          setNote('');
        },
      },
    );
  };
  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} noValidate aria-labelledby="extra-slot">
        <Stack gap="sm">
          <div>
            <Title order={3} id="extra-slot">
              {t('sevas.extraSlot')}
            </Title>
            <Text size="sm">{t('sevas.extraSlotHelp')}</Text>
          </div>
          <SimpleGrid cols={{ base: 1, sm: 4 }}>
            <TextField label={t('sevas.date')} type="date" value={date} onChange={setDate} />
            <TextField label={t('sevas.time')} type="time" value={time} onChange={setTime} />
            <PlacesField
              defaultCapacity={seva.defaultCapacity}
              value={capacity}
              onChange={setCapacity}
            />
            <TextField label={t('sevas.note')} value={note} onChange={setNote} />
          </SimpleGrid>
          {create.isError && <ErrorState error={create.error} />}
          <Group justify="flex-end">
            <Button
              type="submit"
              variant="light"
              loading={create.isPending}
              disabled={!date || !time}
            >
              {t('sevas.addSlot')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
