import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { problemSentence } from '../../../lib/problem-sentence.ts';
import { formatMoney } from '../../../lib/temple-format.ts';
import { useCancelBooking } from '../api/cancel-booking.ts';
import { useRestoreBooking } from '../api/restore-booking.ts';

/**
 * How long the undo button stays after a cancellation. NOTE: the API holds the cancellation's
 * WhatsApp message a little longer (CANCELLATION_UNDO_MS, 15 s by default), so an Undo clicked
 * while the button shows reaches it in time and the devotee hears nothing.
 */
export const UNDO_MS = 10_000;

/**
 * One-click cancel: the booking is cancelled at once (its places are free for devotees straight
 * away), and for a few seconds an Undo button restores the same booking (same reference and
 * manage link) if its places are still free.
 */
export function useCancelWithUndo() {
  const { t } = useTranslation();
  const cancel = useCancelBooking();
  const restore = useRestoreBooking();

  return {
    isPending: cancel.isPending,
    /** `refund` overrides the seva's refund policy; left out, the policy decides. */
    cancel: (id: number, reason: string, refund?: boolean) => {
      // NOTE: promises, not per-call callbacks: the row that started this is gone once the
      // cancellation lands, and React Query skips per-call callbacks of unmounted components.
      cancel.mutateAsync({ id, reason, refund }).then(
        (booking) => {
          const notificationId = `cancelled-${booking.id}`;
          const undo = () => {
            notifications.hide(notificationId);
            restore.mutateAsync(booking.id).then(
              (restored) =>
                notifications.show({
                  color: 'leaf',
                  message: t('bookings.undone', { reference: restored.reference }),
                }),
              (error: unknown) =>
                notifications.show({
                  color: 'red',
                  message: t('bookings.undoFailed', { reason: problemSentence(error, t) }),
                }),
            );
          };
          notifications.show({
            id: notificationId,
            color: 'maroon',
            autoClose: UNDO_MS,
            message: (
              // On a phone the button goes under the sentence rather than being cut ("Undc").
              <Group justify="space-between" wrap="wrap" gap="xs">
                <Text size="sm" style={{ flex: '1 1 12rem' }}>
                  {t('bookings.cancelled', {
                    reference: booking.reference,
                    count: booking.persons,
                  })}
                  {/* A counter payment refunded: the clerk hands the cash back there and then. */}
                  {booking.refund?.method === 'cash' && (
                    <Text span fw={700} display="block">
                      {t('payments.cancel.handCashNow', {
                        amount: formatMoney(booking.refund.amountPaise),
                      })}
                    </Text>
                  )}
                </Text>
                <Button
                  size="compact-sm"
                  variant="outline"
                  onClick={undo}
                  style={{ flexShrink: 0 }}
                >
                  {t('bookings.undo')}
                </Button>
              </Group>
            ),
          });
        },
        (error: unknown) =>
          notifications.show({ color: 'red', message: problemSentence(error, t) }),
      );
    },
  };
}
