import type { Slot } from '@sevabook/shared';
import { Button, Card, Group, Stack, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useTemple } from '../../temple/api/get-temple.ts';
import { formatInstant, formatTime, type UiLanguage } from '../../../lib/temple-format.ts';
import { useUiLanguage } from '../../../lib/use-ui-language.ts';
import { PlacesBadge } from './places-badge.tsx';
import classes from './slots.module.css';

/** Why a slot cannot be booked, in words; null when it can. */
export function unbookableSentence(slot: Slot, t: TFunction, language: UiLanguage, timeZone: string): string | null {
  switch (slot.unbookableReason) {
    case null:
      return null;
    case 'full':
      return t('seva.full');
    case 'closed':
      return t('seva.closed');
    case 'cancelled':
      return t('seva.cancelled');
    case 'not_open_yet':
      return t('seva.notOpenYet', { when: formatInstant(slot.bookingOpensAt, language, timeZone) });
    case 'booking_closed':
      return t('seva.bookingClosed');
    case 'seva_inactive':
      return t('seva.inactive');
  }
}

export function SlotCard({ slot }: { slot: Slot }) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const { timeZone } = useTemple();
  const time = formatTime(slot.time, language);
  const reason = unbookableSentence(slot, t, language, timeZone);

  return (
    <Card
      component="li"
      radius="md"
      padding="md"
      className={classes.slot}
      data-bookable={slot.bookable}
      data-testid={`slot-${slot.id}`}
    >
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Text component="span" className={classes.time}>
            {time}
          </Text>
          <PlacesBadge slot={slot} />
        </Group>
        {slot.bookable ? (
          <Button component={Link} to={`/sevas/${slot.sevaId}/slots/${slot.id}/book`} size="lg" fullWidth>
            {t('seva.bookTime', { time })}
          </Button>
        ) : (
          reason &&
          slot.unbookableReason !== 'full' &&
          slot.unbookableReason !== 'closed' &&
          slot.unbookableReason !== 'cancelled' && <Text c="dimmed">{reason}</Text>
        )}
      </Stack>
    </Card>
  );
}
