import { Paper, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatInstant } from '../../../lib/temple-format.ts';
import { useTemple } from '../../../lib/use-temple.ts';
import { useUiLanguage } from '../../../lib/use-ui-language.ts';
import { clockOf } from '../hooks/use-hold-countdown.ts';
import classes from './payments.module.css';

/**
 * How long the devotee has to pay: the instant the hold ends, in the temple's time, and a clock
 * counting down to it. A screen reader hears the minutes as they pass, not every second.
 */
export function HoldCountdown({
  holdExpiresAt,
  secondsLeft,
}: {
  holdExpiresAt: string;
  secondsLeft: number;
}) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const { timeZone } = useTemple();
  const minutes = Math.floor(secondsLeft / 60);
  return (
    <Paper radius="md" p="md" className={classes.hold} data-testid="hold-countdown">
      <Stack gap={4}>
        <Text fw={700}>
          {t('payment.heldUntil', { time: formatInstant(holdExpiresAt, language, timeZone) })}
        </Text>
        <Text c="dimmed">{t('payment.timeLeft')}</Text>
        <Text className={classes.clock} aria-hidden="true" data-testid="hold-clock">
          {clockOf(secondsLeft)}
        </Text>
        <VisuallyHidden aria-live="polite">
          {minutes > 0 ? t('payment.minutesLeft', { count: minutes }) : t('payment.lastMinute')}
        </VisuallyHidden>
      </Stack>
    </Paper>
  );
}
