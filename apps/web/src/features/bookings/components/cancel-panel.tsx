import type { Booking } from '@sevabook/shared';
import { Alert, Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { problemSentence } from '../../../lib/problem-sentence.ts';
import { formatDate, formatInstant, formatTime, localized } from '../../../lib/temple-format.ts';
import { useUiLanguage } from '../../../lib/use-ui-language.ts';
import { useTemple } from '../../../lib/use-temple.ts';
import { useCancelBooking } from '../api/cancel-booking.ts';

/**
 * Cancelling, in two deliberate steps (a devotee should never lose a booking to a stray tap),
 * until the seva's cut-off; after it, a plain sentence saying why not and what to do instead.
 */
export function CancelPanel({
  booking,
  token,
  refundPolicy,
}: {
  booking: Booking;
  token: string;
  /** What cancelling now brings back of a paid fee, said before the devotee confirms. */
  refundPolicy?: ReactNode;
}) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const { timeZone } = useTemple();
  const cancel = useCancelBooking();
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLDivElement>(null);

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
      aria-labelledby="confirm-cancel"
      radius="md"
      p="md"
      withBorder
      style={{ borderColor: 'var(--mantine-color-maroon-7)', borderWidth: 2 }}
    >
      <Stack gap="md">
        <Title order={2} id="confirm-cancel">
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
        {cancel.isError && (
          <Alert color="maroon" variant="light" role="alert">
            {problemSentence(cancel.error, t)}
          </Alert>
        )}
        {/* One above the other, full width: side by side, either answer's words were cut. */}
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
