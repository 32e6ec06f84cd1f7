import { Skeleton, Stack, Text, UnstyledButton } from '@mantine/core';
import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { addDays } from '../../lib/calendar-date.ts';
import { formatDate, formatTime } from '../../lib/temple-format.ts';
import { useUiLanguage } from '../../lib/use-ui-language.ts';
import { useSlots } from '../../lib/slots/get-slots.ts';
import classes from './slots.module.css';

const LOOK_AHEAD_DAYS = 14;
const OFFERS = 3;

interface NextSlotsOfferProps {
  sevaId: number;
  excludeSlotId: number;
  fromDate: string;
  /** Read when a time is chosen and handed to its form, so nobody types their details twice. */
  carry?: () => unknown;
}

/** When a slot has just filled: the next few times of the same seva that still have places. */
export function NextSlotsOffer({ sevaId, excludeSlotId, fromDate, carry }: NextSlotsOfferProps) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const navigate = useNavigate();
  const slots = useSlots({ sevaId, from: fromDate, to: addDays(fromDate, LOOK_AHEAD_DAYS) });

  if (slots.isPending) return <Skeleton height={64} radius="md" />;
  const offers = (slots.data?.items ?? [])
    .filter((s) => s.bookable && s.id !== excludeSlotId)
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt))
    .slice(0, OFFERS);

  if (offers.length === 0) return <Text>{t('problems.slot_full_none')}</Text>;
  return (
    <Stack gap="xs">
      <Text>{t('problems.slot_full_offer')}</Text>
      {offers.map((s) => {
        const to = `/sevas/${sevaId}/slots/${s.id}/book`;
        return (
          <UnstyledButton
            key={s.id}
            component={Link}
            to={to}
            onClick={(event: MouseEvent) => {
              if (!carry) return;
              event.preventDefault();
              void navigate(to, { state: { carry: carry() } });
            }}
            className={classes.offer}
          >
            <Text component="span" fw={700} fz="lg" display="block">
              {t('form.slotSummary', {
                date: formatDate(s.date, language, 'short'),
                time: formatTime(s.time, language),
              })}
            </Text>
            <Text component="span" display="block" c="leaf.8" fw={700} fz="sm">
              {t('seva.placesLeft', { count: s.remaining })}
            </Text>
          </UnstyledButton>
        );
      })}
    </Stack>
  );
}
