import type { Booking } from '@sevabook/shared';
import { Alert, Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemSentence } from '../../../lib/problem-sentence.ts';
import { formatDate, formatInstant, formatTime, localized } from '../../../lib/temple-format.ts';
import { useTemple } from '../../../lib/use-temple.ts';
import { useUiLanguage } from '../../../lib/use-ui-language.ts';
import { useCancelMyBooking } from '../api/cancel-my-booking.ts';

/**
 * Cancelling from My bookings, in the same two deliberate steps and the same words as the
 * manage page, with the session in place of the link's token.
 */
export function SessionCancel({ booking, token }: { booking: Booking; token: string }) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const { timeZone } = useTemple();
  const cancel = useCancelMyBooking();
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
          {cancel.isSuccess
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
  if (booking.status !== 'confirmed') return null;

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
        <Title order={3} id={titleId}>
          {t('manage.confirmTitle')}
        </Title>
        <Text>
          {t('manage.confirmText', {
            seva: localized(booking.seva.name, language),
            date: formatDate(booking.slot.date, language, 'long'),
            time: formatTime(booking.slot.time, language),
          })}
        </Text>
        {cancel.isError && (
          <Alert color="maroon" variant="light" role="alert">
            {problemSentence(cancel.error, t)}
          </Alert>
        )}
        <Stack gap="sm">
          <Button
            color="maroon"
            size="lg"
            fullWidth
            loading={cancel.isPending}
            onClick={() => cancel.mutate({ reference: booking.reference, token })}
          >
            {cancel.isPending ? t('manage.cancelling') : t('manage.confirmYes')}
          </Button>
          <Button
            variant="outline"
            size="lg"
            fullWidth
            onClick={() => setConfirming(false)}
            disabled={cancel.isPending}
          >
            {t('manage.confirmNo')}
          </Button>
        </Stack>
      </Stack>
    </Paper>
  );
}
