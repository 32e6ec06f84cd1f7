import {
  Alert,
  Badge,
  Button,
  Chip,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { AdminSeva, CreateSchedule } from '@sevabook/shared';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/feedback/error-state.tsx';
import { TextField } from '../../../components/form/text-field.tsx';
import { isIsoDate } from '../../../lib/calendar-date.ts';
import { formatDate, formatTime } from '../../../lib/temple-format.ts';
import { useCreateSchedule } from '../api/create-schedule.ts';
import { parseTimes, previewSlots } from '../slot-preview.ts';
import { PlacesField } from './places-field.tsx';

const PREVIEW_DAYS = 14;
const weekdayNames = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** A weekly schedule with, before saving, the slots it will make in the next two weeks. */
export function ScheduleForm({
  seva,
  today,
  closedDates,
}: {
  seva: AdminSeva;
  today: string;
  closedDates: ReadonlySet<string>;
}) {
  const { t } = useTranslation();
  const create = useCreateSchedule();
  const [weekdays, setWeekdays] = useState<string[]>([]);
  const [timesText, setTimesText] = useState('');
  const [capacity, setCapacity] = useState<number | ''>('');
  const [validFrom, setValidFrom] = useState(today);
  const [validUntil, setValidUntil] = useState('');
  const [touched, setTouched] = useState(false);

  const times = parseTimes(timesText);
  const days = weekdays.map(Number).sort();
  const valid =
    times !== null &&
    times.length > 0 &&
    days.length > 0 &&
    isIsoDate(validFrom) &&
    (!validUntil || isIsoDate(validUntil));
  const preview = useMemo(
    () =>
      valid
        ? previewSlots(
            { weekdays: days, times: times ?? [], validFrom, validUntil: validUntil || null },
            today,
            PREVIEW_DAYS,
            closedDates,
          )
        : [],
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [valid, weekdays, timesText, validFrom, validUntil, today, closedDates],
  );

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (!valid || !times) return;
    const body: CreateSchedule = {
      weekdays: days,
      times,
      capacity: capacity === '' ? null : capacity,
      validFrom,
      validUntil: validUntil || null,
      active: true,
    };
    create.mutate(
      { sevaId: seva.id, body },
      {
        onSuccess: (change) => {
          notifications.show({
            color: 'leaf',
            message: t('sevas.scheduleSaved', {
              created: change.slots.created,
              removed: change.slots.removed,
              kept: change.slots.keptWithBookings,
            }),
          });
          setWeekdays([]);
          setTimesText('');
          setCapacity('');
          setTouched(false);
        },
      },
    );
  };

  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} noValidate aria-labelledby="add-schedule">
        <Stack>
          <Title order={3} id="add-schedule">
            {t('sevas.addSchedule')}
          </Title>
          <Chip.Group multiple value={weekdays} onChange={setWeekdays}>
            <Group gap={6} role="group" aria-label={t('sevas.weekdays')}>
              {weekdayNames.map((name, i) => (
                <Chip key={name} value={String(i + 1)} variant="outline">
                  {name}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
          {touched && days.length === 0 && (
            <Text c="red.9" size="sm">
              {t('sevas.weekdaysMissing')}
            </Text>
          )}
          <SimpleGrid cols={{ base: 1, sm: 4 }}>
            <TextField
              label={t('sevas.times')}
              description={t('sevas.timesHelp')}
              value={timesText}
              onChange={setTimesText}
              error={
                touched && (times === null || times.length === 0)
                  ? t('sevas.timesInvalid')
                  : undefined
              }
            />
            <PlacesField
              defaultCapacity={seva.defaultCapacity}
              value={capacity}
              onChange={setCapacity}
            />
            <TextField
              label={t('sevas.validFrom')}
              type="date"
              value={validFrom}
              onChange={setValidFrom}
            />
            <TextField
              label={t('sevas.validUntil')}
              type="date"
              value={validUntil}
              onChange={setValidUntil}
            />
          </SimpleGrid>
          {valid && (
            <Stack gap={6} data-testid="slot-preview">
              <Text fw={600}>
                {t('sevas.preview', { days: PREVIEW_DAYS })}:{' '}
                {t('sevas.previewCount', { count: preview.length })}
              </Text>
              {preview.length === 0 ? (
                <Alert color="saffron" variant="light">
                  {t('sevas.previewNone', { days: PREVIEW_DAYS })}
                </Alert>
              ) : (
                <Group gap={6}>
                  {preview.map((s) => (
                    <Badge
                      key={`${s.date}-${s.time}`}
                      variant="outline"
                      color="maroon"
                      radius="sm"
                      tt="none"
                    >
                      {formatDate(s.date, 'short')} {formatTime(s.time)}
                    </Badge>
                  ))}
                </Group>
              )}
            </Stack>
          )}
          {create.isError && <ErrorState error={create.error} />}
          <Group justify="flex-end">
            <Button type="submit" loading={create.isPending}>
              {t('sevas.saveSchedule')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
