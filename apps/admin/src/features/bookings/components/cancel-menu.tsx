import { Button, Popover, Stack, Text } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useCancelWithUndo } from '../hooks/use-cancel-with-undo.tsx';

const cancelReasons = ['devotee', 'noShow', 'duplicate', 'temple', 'other'] as const;

/**
 * The cancel button: it opens the reasons, and picking one cancels at once — no second
 * "are you sure", because the undo that follows is the safety net. (A popover of buttons rather
 * than Mantine's Menu, whose focus sentinel inside role=menu fails axe.)
 */
export function CancelMenu({
  bookingId,
  reference,
  refund,
}: {
  bookingId: number;
  reference: string;
  /**
   * For a paid booking, the payments feature's note of what the refund policy gives, with a box
   * to override it; `byPolicy` says whether the policy refunds.
   */
  refund?: {
    byPolicy: boolean;
    note: (override: boolean, onOverride: (override: boolean) => void) => ReactNode;
  };
}) {
  const { t } = useTranslation();
  const { cancel, isPending } = useCancelWithUndo();
  const [opened, setOpened] = useState(false);
  const [override, setOverride] = useState(false);
  const headingId = `cancel-reasons-${bookingId}`;
  return (
    <Popover
      opened={opened}
      onChange={setOpened}
      position="bottom-end"
      withinPortal
      trapFocus
      returnFocus
      shadow="md"
    >
      <Popover.Target>
        <Button
          size="compact-sm"
          variant="outline"
          color="red.9"
          loading={isPending}
          aria-label={t('bookings.cancelBooking', { reference })}
          aria-expanded={opened}
          onClick={() => setOpened((o) => !o)}
        >
          {t('bookings.cancel')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown p={6} role="dialog" aria-labelledby={headingId}>
        <Text size="xs" fw={700} px={6} py={2} id={headingId}>
          {t('bookings.cancelReason')}
        </Text>
        {refund?.note(override, setOverride)}
        <Stack gap={2}>
          {cancelReasons.map((reason) => (
            <Button
              key={reason}
              variant="subtle"
              color="dark"
              justify="flex-start"
              size="compact-sm"
              onClick={() => {
                setOpened(false);
                cancel(
                  bookingId,
                  t(`bookings.reasons.${reason}`),
                  refund && override ? !refund.byPolicy : undefined,
                );
              }}
            >
              {t(`bookings.reasons.${reason}`)}
            </Button>
          ))}
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
