import { MAX_SLOT_RANGE_DAYS, type Seva } from '@sevabook/shared';
import { Anchor, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { PageHeading } from '../../components/feedback/page-heading.tsx';
import { PageSkeleton } from '../../components/feedback/page-skeleton.tsx';
import { QueryState } from '../../components/feedback/query-state.tsx';
import { BackLink } from '../../components/layout/back-link.tsx';
import { useSeva } from '../../features/sevas/api/get-seva.ts';
import { SevaFacts } from '../../features/sevas/components/seva-facts.tsx';
import { useSlots } from '../../lib/slots/get-slots.ts';
import { slotsAhead } from '../../lib/slots/slots-ahead.ts';
import { useClosedDates } from '../../features/slots/api/get-closed-dates.ts';
import { ClosedDatesNotice } from '../../features/slots/components/closed-dates-notice.tsx';
import { DateGrid } from '../../features/slots/components/date-grid.tsx';
import { LiveStatus } from '../../features/slots/components/live-status.tsx';
import { SlotList } from '../../features/slots/components/slot-list.tsx';
import { nextOpenDate, pickDate, summariseDays } from '../../features/slots/day-summary.ts';
import { useAvailabilityStream } from '../../features/slots/hooks/use-availability-stream.ts';
import { useTemple } from '../../lib/use-temple.ts';
import { ApiError } from '../../lib/api-client.ts';
import { addDays, todayIn } from '../../lib/calendar-date.ts';
import { formatDate, localized } from '../../lib/temple-format.ts';
import { useUiLanguage } from '../../lib/use-ui-language.ts';

export function SevaRoute() {
  const { t } = useTranslation();
  const sevaId = Number(useParams().sevaId);
  const seva = useSeva(sevaId);
  const { timeZone } = useTemple();
  // Asked for with the seva, not after it: see slotsAhead.
  const ahead = slotsAhead(sevaId, timeZone);
  const validId = Number.isSafeInteger(sevaId) && sevaId > 0;
  const slots = useSlots(ahead, validId);
  const closed = useClosedDates(ahead, validId);

  return (
    <Stack gap="lg">
      <BackLink to="/">{t('app.allSevas')}</BackLink>
      <QueryState
        query={seva}
        skeleton={<PageSkeleton cards={2} />}
        errorMessage={(e) =>
          e instanceof ApiError && e.code === 'not_found' ? t('seva.notFound') : undefined
        }
      >
        {(data) => <SevaDates seva={data} slots={slots} closed={closed} />}
      </QueryState>
    </Stack>
  );
}

function SevaDates({
  seva,
  slots,
  closed,
}: {
  seva: Seva;
  slots: ReturnType<typeof useSlots>;
  closed: ReturnType<typeof useClosedDates>;
}) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const { timeZone } = useTemple();
  const [searchParams, setSearchParams] = useSearchParams();
  const timesRef = useRef<HTMLHeadingElement>(null);

  const today = todayIn(timeZone);
  // The API answers at most MAX_SLOT_RANGE_DAYS per request; windows are shorter in practice.
  const windowDays = Math.min(Math.max(seva.bookingOpensDaysAhead, 1), MAX_SLOT_RANGE_DAYS - 1);
  const lastDate = addDays(today, windowDays);
  const closedDates = (closed.data?.items ?? []).filter((c) => c.date <= lastDate);
  const stream = useAvailabilityStream(seva.id);
  const name = localized(seva.name, language);

  const selectDate = (date: string) => {
    setSearchParams({ date }, { replace: true });
    const reduceMotion = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    requestAnimationFrame(() =>
      timesRef.current?.scrollIntoView({
        behavior: reduceMotion ? 'auto' : 'smooth',
        block: 'start',
      }),
    );
  };

  return (
    <Stack gap="lg">
      <Stack gap="sm">
        <PageHeading title={name} />
        <Text>{localized(seva.description, language)}</Text>
        <SevaFacts seva={seva} withPersons />
      </Stack>

      <QueryState
        query={slots}
        skeleton={
          <Stack gap="sm" role="status" aria-busy="true" aria-label={t('app.loading')}>
            <Skeleton height={28} width="40%" />
            <Skeleton height={180} radius="md" />
          </Stack>
        }
      >
        {({ items }) => {
          const days = summariseDays(items.filter((slot) => slot.date <= lastDate));
          const selected = pickDate(days, searchParams.get('date'));
          const day = days.find((d) => d.date === selected);
          const next = selected ? nextOpenDate(days, selected) : undefined;
          if (days.length === 0)
            return (
              <Stack gap="md">
                <Text>{t('seva.noSlotsInWindow', { count: windowDays })}</Text>
                <ClosedDatesNotice closed={closedDates} />
              </Stack>
            );
          return (
            <Stack gap="xl">
              <section aria-labelledby="choose-date">
                <Group justify="space-between" align="baseline" gap="xs">
                  <Title order={2} id="choose-date">
                    {t('seva.chooseDate')}
                  </Title>
                  <LiveStatus state={stream} />
                </Group>
                <DateGrid days={days} selected={selected} onSelect={selectDate} />
                <ClosedDatesNotice closed={closedDates} />
              </section>
              {day && (
                <section aria-labelledby="times">
                  <Title
                    order={2}
                    id="times"
                    ref={timesRef}
                    mb="sm"
                    style={{ scrollMarginTop: '1rem' }}
                  >
                    {t('seva.timesOn', { date: formatDate(day.date, language, 'long') })}
                  </Title>
                  <SlotList slots={day.slots} />
                  {day.state !== 'open' && next && (
                    <Anchor
                      component="button"
                      type="button"
                      mt="sm"
                      fw={700}
                      onClick={() => selectDate(next)}
                    >
                      {t('seva.nextOpenDate', { date: formatDate(next, language, 'long') })}
                    </Anchor>
                  )}
                </section>
              )}
            </Stack>
          );
        }}
      </QueryState>
    </Stack>
  );
}
