import { Alert, Button, Group, Modal, Radio, Stack } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/feedback/error-state.tsx';
import { PageSkeleton } from '../../../components/feedback/page-skeleton.tsx';
import { formatDate, formatTime } from '../../../lib/temple-format.ts';
import { useSlots } from '../../../lib/slots/get-slots.ts';
import { useUpdateBooking } from '../api/update-booking.ts';

export interface MovableBooking {
  id: number;
  reference: string;
  persons: number;
  slotId: number;
  sevaId: number;
  date: string;
}

/** Move a booking to another slot of the same seva; only slots with room for it are offered. */
export function MoveModal({ booking, onClose }: { booking: MovableBooking; onClose: () => void }) {
  const { t } = useTranslation();
  const [date, setDate] = useState(booking.date);
  const [slotId, setSlotId] = useState<string | null>(null);
  const slots = useSlots({ from: date, to: date, sevaId: booking.sevaId });
  const update = useUpdateBooking();
  const choices = (slots.data?.items ?? []).filter(
    (s) => s.id !== booking.slotId && s.status === 'open' && s.remaining >= booking.persons,
  );

  const submit = () => {
    const target = choices.find((s) => String(s.id) === slotId);
    if (!target) return;
    update.mutate(
      { id: booking.id, body: { slotId: target.id } },
      {
        onSuccess: () => {
          notifications.show({
            color: 'leaf',
            message: t('bookings.moved', {
              reference: booking.reference,
              when: `${formatDate(target.date, 'short')} ${formatTime(target.time)}`,
            }),
          });
          onClose();
        },
      },
    );
  };

  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('app.close') }}
      opened
      onClose={onClose}
      title={t('bookings.moveTitle', { reference: booking.reference })}
      size="md"
    >
      <Stack>
        <DatePickerInput
          label={t('bookings.moveDate')}
          value={date}
          onChange={(v) => {
            if (v) {
              setDate(v);
              setSlotId(null);
            }
          }}
          valueFormat="ddd D MMM YYYY"
        />
        {slots.isPending ? (
          <PageSkeleton rows={2} />
        ) : slots.isError ? (
          <ErrorState error={slots.error} onRetry={() => void slots.refetch()} />
        ) : choices.length === 0 ? (
          <Alert color="saffron" variant="light">
            {t('bookings.moveNone', { count: booking.persons })}
          </Alert>
        ) : (
          <Radio.Group
            label={t('bookings.moveSlot', { count: booking.persons })}
            value={slotId}
            onChange={setSlotId}
          >
            <Stack gap="xs" mt="xs">
              {choices.map((s) => (
                <Radio
                  key={s.id}
                  value={String(s.id)}
                  label={t('counter.slotOption', {
                    time: formatTime(s.time),
                    remaining: s.remaining,
                    capacity: s.capacity,
                  })}
                />
              ))}
            </Stack>
          </Radio.Group>
        )}
        {update.isError && <ErrorState error={update.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('app.cancel')}
          </Button>
          <Button onClick={submit} disabled={!slotId} loading={update.isPending}>
            {t('bookings.moveSubmit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
