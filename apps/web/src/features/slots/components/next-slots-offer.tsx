import { Button, Skeleton, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { addDays } from '../../../lib/calendar-date.ts';
import { formatDate, formatTime } from '../../../lib/temple-format.ts';
import { useUiLanguage } from '../../../lib/use-ui-language.ts';
import { useSlots } from '../api/get-slots.ts';

const LOOK_AHEAD_DAYS = 14;
const OFFERS = 3;

interface NextSlotsOfferProps {
  sevaId: number;
  excludeSlotId: number;
  fromDate: string;
}

/** When a slot has just filled: the next few times of the same seva that still have places. */
export function NextSlotsOffer({ sevaId, excludeSlotId, fromDate }: NextSlotsOfferProps) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const slots = useSlots({ sevaId, from: fromDate, to: addDays(fromDate, LOOK_AHEAD_DAYS) });

  if (slots.isPending) return <Skeleton height={50} radius="md" />;
  const offers = (slots.data?.items ?? [])
    .filter((s) => s.bookable && s.id !== excludeSlotId)
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt))
    .slice(0, OFFERS);

  if (offers.length === 0) return <Text>{t('problems.slot_full_none')}</Text>;
  return (
    <Stack gap="xs">
      <Text>{t('problems.slot_full_offer')}</Text>
      {offers.map((s) => (
        <Button
          key={s.id}
          component={Link}
          to={`/sevas/${sevaId}/slots/${s.id}/book`}
          variant="outline"
          size="lg"
          fullWidth
          justify="space-between"
          rightSection={t('seva.placesLeft', { count: s.remaining })}
          styles={{ label: { whiteSpace: 'normal', textAlign: 'start' }, inner: { gap: '0.5rem' } }}
          h="auto"
          py={8}
        >
          {t('form.slotSummary', {
            date: formatDate(s.date, language, 'short'),
            time: formatTime(s.time, language),
          })}
        </Button>
      ))}
    </Stack>
  );
}
