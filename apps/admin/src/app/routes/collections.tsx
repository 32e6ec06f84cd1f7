import { Alert, Button, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import { MAX_COLLECTION_DAYS } from '@sevabook/shared';
import { daysFrom, useTemple } from '@sevabook/ui';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { QueryState } from '../../components/feedback/query-state.tsx';
import { isIsoDate, todayIn } from '../../lib/calendar-date.ts';
import { problemSentence } from '../../lib/problem-sentence.ts';
import { formatInstant } from '../../lib/temple-format.ts';
import { useStaffUser } from '../../lib/use-session.ts';
import { useDownloadCollectionsCsv } from '../../features/collections/api/download-collections-csv.ts';
import {
  useCollections,
  useReconciliation,
} from '../../features/collections/api/get-collections.ts';
import { CollectionsSummary } from '../../features/collections/components/collections-summary.tsx';
import {
  HandOverHeader,
  HandOverSignatures,
} from '../../features/collections/components/hand-over-sheet.tsx';
import { ReceiptList } from '../../features/collections/components/receipt-list.tsx';
import { ReconciliationPanel } from '../../features/collections/components/reconciliation-panel.tsx';

/**
 * The day's (or a range's) money, per clerk and per method, with every receipt: on screen for the
 * office, and printed as the sheet a clerk hands over with the cash box. The dates live in the
 * address (?from=&to=), today in the temple's zone when none is given.
 */
export default function CollectionsRoute() {
  const { t } = useTranslation();
  const { name, timeZone } = useTemple();
  const user = useStaffUser();
  const [params, setParams] = useSearchParams();
  const today = todayIn(timeZone);
  const rawFrom = params.get('from');
  const rawTo = params.get('to');
  const from = isIsoDate(rawFrom) ? rawFrom : today;
  const to = isIsoDate(rawTo) && rawTo >= from ? rawTo : from;
  const range = from !== to || params.get('mode') === 'range';
  const tooLong = daysFrom(from, to) >= MAX_COLLECTION_DAYS;
  const query = { from, to };
  const collections = useCollections(query);
  const reconciliation = useReconciliation(query);
  const csv = useDownloadCollectionsCsv();

  const go = (next: { from: string; to: string; range: boolean }) =>
    setParams(
      next.from === today && next.to === today && !next.range
        ? {}
        : { from: next.from, to: next.to, ...(next.range ? { mode: 'range' } : {}) },
    );

  return (
    <Stack gap="md">
      <div className="no-print">
        <Title order={1}>{t('collections.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('collections.intro')}
        </Text>
      </div>
      <HandOverHeader
        templeName={name}
        from={from}
        to={to}
        printedAt={formatInstant(new Date().toISOString(), timeZone)}
        printedBy={user.name}
      />
      <Group className="no-print" align="flex-end" wrap="wrap" gap="sm">
        <SegmentedControl
          aria-label={t('collections.show')}
          value={range ? 'range' : 'day'}
          onChange={(v) => go({ from, to: v === 'range' ? to : from, range: v === 'range' })}
          data={[
            { value: 'day', label: t('collections.oneDay') },
            { value: 'range', label: t('collections.range') },
          ]}
        />
        <DateInput
          label={range ? t('collections.from') : t('collections.date')}
          valueFormat="YYYY-MM-DD"
          value={from}
          maxDate={today}
          onChange={(v) => v && go({ from: v, to: range ? (to < v ? v : to) : v, range })}
          w={160}
        />
        {range && (
          <DateInput
            label={t('collections.to')}
            valueFormat="YYYY-MM-DD"
            value={to}
            minDate={from}
            onChange={(v) => v && go({ from, to: v, range })}
            w={160}
          />
        )}
        <Button variant="default" onClick={() => go({ from: today, to: today, range: false })}>
          {t('collections.today')}
        </Button>
        <Button
          variant="default"
          loading={csv.isPending}
          disabled={tooLong}
          onClick={() =>
            csv.mutate(query, {
              onError: (e) => notifications.show({ color: 'red', message: problemSentence(e, t) }),
            })
          }
        >
          {t('collections.downloadCsv')}
        </Button>
        <Button onClick={() => window.print()} disabled={!collections.data}>
          {t('collections.print')}
        </Button>
      </Group>
      {tooLong ? (
        <Alert color="saffron">{t('collections.tooManyDays')}</Alert>
      ) : (
        <>
          <QueryState query={collections}>
            {(data) => (
              <Stack gap="md" aria-busy={collections.isPlaceholderData}>
                <CollectionsSummary data={data} />
                <ReceiptList data={data} />
                <HandOverSignatures
                  clerks={data.byClerk.map((c) => c.clerk?.name ?? t('collections.noClerk'))}
                />
              </Stack>
            )}
          </QueryState>
          <QueryState query={reconciliation}>
            {(data) => <ReconciliationPanel data={data} />}
          </QueryState>
        </>
      )}
    </Stack>
  );
}
