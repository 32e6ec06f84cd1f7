import { Button, Menu } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCancelWithUndo } from '../hooks/use-cancel-with-undo.tsx';

export const cancelReasons = ['devotee', 'noShow', 'duplicate', 'temple', 'other'] as const;

/**
 * The cancel button: it opens the reasons, and picking one cancels at once — no second
 * "are you sure", because the undo that follows is the safety net.
 */
export function CancelMenu({ bookingId, reference }: { bookingId: number; reference: string }) {
  const { t } = useTranslation();
  const { cancel, isPending } = useCancelWithUndo();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          size="compact-sm"
          variant="light"
          color="red"
          loading={isPending}
          aria-label={t('bookings.cancelBooking', { reference })}
        >
          {t('bookings.cancel')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('bookings.cancelReason')}</Menu.Label>
        {cancelReasons.map((reason) => (
          <Menu.Item key={reason} onClick={() => cancel(bookingId, t(`bookings.reasons.${reason}`))}>
            {t(`bookings.reasons.${reason}`)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
