import type { Slot } from '@sevabook/shared';
import { Button, Card, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatTime } from '../../../lib/temple-format.ts';
import { useUiLanguage } from '../../../lib/use-ui-language.ts';
import { PlacesBadge } from '../../../components/slots/places-badge.tsx';
import classes from './slots.module.css';

export function SlotCard({ slot }: { slot: Slot }) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const time = formatTime(slot.time, language);

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
        {slot.unbookableReason === 'full' && (
          <Button
            component={Link}
            to={`/sevas/${slot.sevaId}/slots/${slot.id}/waitlist`}
            size="lg"
            variant="outline"
            fullWidth
          >
            {t('waitlist.join')}
          </Button>
        )}
        {slot.bookable && (
          <Button
            component={Link}
            to={`/sevas/${slot.sevaId}/slots/${slot.id}/book`}
            size="lg"
            fullWidth
          >
            {t('seva.bookTime', { time })}
          </Button>
        )}
      </Stack>
    </Card>
  );
}
