import type { Booking } from '@sevabook/shared';
import { Alert, Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { problemSentence } from '../../lib/problem-sentence.ts';
import { formatDate, formatInstant, formatTime, localized } from '../../lib/temple-format.ts';
import { useTemple } from '../../lib/use-temple.ts';
import { useUiLanguage } from '../../lib/use-ui-language.ts';

/** The cancel request as the steps need it: a TanStack mutation's state and how to send it. */
export interface CancelAction {
  isPending: boolean;
  isSuccess: boolean;
  isError: boolean;
  error: unknown;
  send: () => void;
}

/**
 * Cancelling, in two deliberate steps (a devotee should never lose a booking to a stray tap),
 * until the seva's cut-off; after it, a plain sentence saying why not and what to do instead.
 * The manage page (with the link's token) and My bookings (with the session) both use it.
 */
export function CancelSteps({
  booking,
  action,
  refundPolicy,
  headingOrder = 2,
}: {
  booking: Booking;
  action: CancelAction;
  /** What cancelling now brings back of a paid fee, said before the devotee confirms. */
  refundPolicy?: ReactNode;
  headingOrder?: 2 | 3;
}) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const { timeZone } = useTemple();
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLDivElement>(null);
  const titleId = useId();

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  if (booking.status === 'cancelled') {
    return (
      <Alert color="maroon" variant="light" radius="md" role="status">
        <Text fw={700}>
          {action.isSuccess
            ? t('manage.cancelledNow')
            : t('manage.cancelledOn', {
                when: booking.cancelledAt
                  ? formatInstant(booking.cancelledAt, language, timeZone)
                  : '',
              })}
        </Text>
      </Alert>
    );
  }
  // A hold that ran out has nothing left to cancel.
  if (booking.status === 'expired') return null;

  const until = formatInstant(booking.cancellableUntil, language, timeZone);
  if (!booking.cancellable) {
    return (
      <Alert color="saffron" variant="light" radius="md">
        <Text>{t('manage.tooLate', { when: until })}</Text>
      </Alert>
    );
  }

  if (!confirming) {
    return (
      <Stack gap="sm">
        <Text>{t('manage.cancellableUntil', { when: until })}</Text>
        <Button variant="outline" size="lg" fullWidth onClick={() => setConfirming(true)}>
          {t('manage.cancel')}
        </Button>
      </Stack>
    );
  }

  return (
    <Paper
      ref={confirmRef}
      tabIndex={-1}
      role="group"
      aria-labelledby={titleId}
      radius="md"
      p="md"
      withBorder
      style={{ borderColor: 'var(--mantine-color-maroon-7)', borderWidth: 2 }}
    >
      <Stack gap="md">
        <Title order={headingOrder} id={titleId}>
          {t('manage.confirmTitle')}
        </Title>
        <Text>
          {t('manage.confirmText', {
            seva: localized(booking.seva.name, language),
            date: formatDate(booking.slot.date, language, 'long'),
            time: formatTime(booking.slot.time, language),
          })}
        </Text>
        {refundPolicy}
        {action.isError && (
          <Alert color="maroon" variant="light" role="alert">
            {problemSentence(action.error, t)}
          </Alert>
        )}
        {/* One above the other, full width: side by side, either answer's words were cut. */}
        <Stack gap="sm">
          <Button
            color="maroon"
            size="lg"
            fullWidth
            loading={action.isPending}
            onClick={action.send}
          >
            {action.isPending ? t('manage.cancelling') : t('manage.confirmYes')}
          </Button>
          <Button
            variant="outline"
            size="lg"
            fullWidth
            onClick={() => setConfirming(false)}
            disabled={action.isPending}
          >
            {t('manage.confirmNo')}
          </Button>
        </Stack>
      </Stack>
    </Paper>
  );
}
