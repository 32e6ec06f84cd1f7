import {
  Alert,
  Button,
  Group,
  Modal,
  NumberInput,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { SlotStatus } from '@sevabook/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/feedback/error-state.tsx';
import { useSlotClosingImpact } from '../api/get-closing-impact.ts';
import { useUpdateSlot } from '../api/update-slot.ts';
import { ClosingImpactText } from './closing-impact-text.tsx';

interface SlotSettingsProps {
  slot: { id: number; capacity: number; booked: number; status: SlotStatus; note: string | null };
  title: string;
  onClose: () => void;
}

/**
 * One slot's places, note and status (admin). Closing or cancelling a slot cancels its bookings
 * and tells each devotee, so the screen counts them (bookings and devotees) and asks the reason
 * they will be told before it is done.
 */
export function SlotSettingsModal({ slot, title, onClose }: SlotSettingsProps) {
  const { t } = useTranslation();
  const update = useUpdateSlot();
  const [capacity, setCapacity] = useState<number>(slot.capacity);
  const [status, setStatus] = useState<SlotStatus>(slot.status);
  const [note, setNote] = useState(slot.note ?? '');
  const [reason, setReason] = useState('');
  const closing = status !== 'open' && slot.status === 'open';
  const reopening = status === 'open' && slot.status !== 'open';
  // Counted when staff choose to close, not when the dialog opens: bookings keep arriving.
  const impact = useSlotClosingImpact(slot.id, closing);
  const bookingsCancelled = impact.data?.bookings ?? 0;

  const save = () =>
    update.mutate(
      {
        id: slot.id,
        body: {
          ...(capacity !== slot.capacity ? { capacity } : {}),
          ...(status !== slot.status ? { status } : {}),
          ...(note !== (slot.note ?? '') ? { note: note.trim() || null } : {}),
          ...(status !== slot.status && status !== 'open' ? { reason: reason.trim() } : {}),
        },
      },
      {
        onSuccess: (change) => {
          notifications.show({
            color: 'leaf',
            message: t('slotSettings.saved', { count: change.bookingsCancelled }),
          });
          onClose();
        },
      },
    );

  const unchanged =
    capacity === slot.capacity && status === slot.status && note === (slot.note ?? '');
  return (
    <Modal
      opened
      onClose={onClose}
      title={title}
      closeButtonProps={{ 'aria-label': t('app.close') }}
    >
      <Stack>
        <NumberInput
          label={t('slotSettings.capacity')}
          description={t('slotSettings.capacityHelp', { booked: slot.booked })}
          min={Math.max(1, slot.booked)}
          value={capacity}
          onChange={(v) => setCapacity(typeof v === 'number' ? v : slot.capacity)}
        />
        <div>
          <Text size="sm" fw={700} id={`slot-status-${slot.id}`}>
            {t('slotSettings.status')}
          </Text>
          <SegmentedControl
            aria-labelledby={`slot-status-${slot.id}`}
            value={status}
            onChange={(v) => setStatus(v)}
            data={[
              { value: 'open', label: t('slotSettings.open') },
              { value: 'closed', label: t('slotSettings.closed') },
              { value: 'cancelled', label: t('slotSettings.cancelled') },
            ]}
          />
        </div>
        <TextInput
          label={t('sevas.note')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
        />
        {status !== slot.status && status !== 'open' && (
          <>
            {closing && <ClosingImpactText impact={impact} />}
            <TextInput
              label={t('slotSettings.reason')}
              description={t('slotSettings.reasonHelp')}
              required
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
            />
          </>
        )}
        {reopening && (
          <Alert color="saffron" variant="light">
            {t('closing.reopenNote')}
          </Alert>
        )}
        {update.isError && <ErrorState error={update.error} />}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {/* "Cancel" beside "Close and cancel 3 bookings" would read as the same thing. */}
            {closing ? t('closing.keepOpen') : t('app.cancel')}
          </Button>
          <Button
            onClick={save}
            loading={update.isPending}
            disabled={
              unchanged ||
              (status !== slot.status && status !== 'open' && reason.trim().length < 2) ||
              (closing && !impact.data)
            }
            color={closing ? 'red.9' : undefined}
          >
            {closing && bookingsCancelled > 0
              ? t('closing.confirmCancel', { count: bookingsCancelled })
              : t('app.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
