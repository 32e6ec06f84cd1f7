import { Box, Button, Group, Stack, Switch, Text, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useTemple } from '@sevabook/ui';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { QueryState } from '../../components/feedback/query-state.tsx';
import { addDays, isIsoDate, todayIn } from '../../lib/calendar-date.ts';
import { problemSentence } from '../../lib/problem-sentence.ts';
import { formatDate, formatMoney } from '../../lib/temple-format.ts';
import { AuditModal } from '../../features/audit/components/audit-modal.tsx';
import { useCan } from '../../lib/use-session.ts';
import { BookingSearch } from '../../features/bookings/components/booking-search.tsx';
import { CancelMenu } from '../../features/bookings/components/cancel-menu.tsx';
import { EditModal } from '../../features/bookings/components/edit-modal.tsx';
import { MoveModal, type MovableBooking } from '../../features/bookings/components/move-modal.tsx';
import { useDaySheet } from '../../features/day/api/get-day-sheet.ts';
import { useDownloadDaySheetCsv } from '../../features/day/api/download-day-sheet-csv.ts';
import type { SheetBooking } from '../../features/day/components/booking-table.tsx';
import { EmptyDay } from '../../features/day/components/empty-day.tsx';
import { DateNavigator } from '../../features/day/components/date-navigator.tsx';
import { SlotPanel, type SheetSlot } from '../../features/day/components/slot-panel.tsx';
import { SlotSettingsModal } from '../../features/sevas/components/slot-settings-modal.tsx';
import { OutboxBanner } from '../../features/notifications/components/outbox-banner.tsx';
import { BookingPaymentCell } from '../../features/payments/components/booking-payment-cell.tsx';
import { cancelRefund } from '../../features/payments/cancel-refund.tsx';
import { useAdminSevas } from '../../features/sevas/api/get-admin-sevas.ts';

/**
 * The home screen: the day's slots in time order with their places and bookings. The date lives
 * in the address (?date=), so a reload, the back button or a shared link keep it.
 */
export function DayRoute() {
  const { t } = useTranslation();
  const { timeZone } = useTemple();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const today = todayIn(timeZone);
  const rawDate = params.get('date');
  const date = isIsoDate(rawDate) ? rawDate : today;
  const highlightSlot = Number(params.get('slot')) || undefined;
  const [showCancelled, setShowCancelled] = useState(false);
  const sheet = useDaySheet({ date, includeCancelled: showCancelled });
  const csv = useDownloadDaySheetCsv();
  const canChange = useCan('changeBookings');
  const searchRef = useRef<HTMLInputElement>(null);
  // Each seva's refund policy, for what the cancel control says a paid booking gets back.
  const sevas = useAdminSevas();
  const refundHours = (sevaId: number) =>
    sevas.data?.items.find((s) => s.id === sevaId)?.refundFullHoursBefore;

  const [moving, setMoving] = useState<MovableBooking>();
  const [editing, setEditing] = useState<number>();
  const [history, setHistory] = useState<SheetBooking>();
  const [settings, setSettings] = useState<{ slot: SheetSlot; heading: string }>();

  const goTo = (next: string) => setParams(next === today ? {} : { date: next });
  // The day asked for last, which the address shows only after the next render: two quick
  // presses of ← must move two days. (setParams' updater is handed the address of the last
  // render, not of the last call.)
  const wanted = useRef(date);
  useEffect(() => {
    wanted.current = date;
  }, [date]);
  const goBy = (days: number) => {
    wanted.current = addDays(wanted.current, days);
    goTo(wanted.current);
  };

  useHotkeys([
    ['ArrowLeft', () => goBy(-1)],
    ['ArrowRight', () => goBy(1)],
    ['t', () => goTo(today)],
    ['/', () => searchRef.current?.focus()],
    ['n', () => canChange && void navigate(`/counter?date=${date}`)],
  ]);

  // A search result or a calendar click opens the day at its slot — once: live refreshes of the
  // same day must leave the page where the user has scrolled it.
  const scrolledTo = useRef<string>(undefined);
  useEffect(() => {
    const key = `${date}:${highlightSlot}`;
    if (!highlightSlot || !sheet.data || sheet.isPlaceholderData || scrolledTo.current === key)
      return;
    scrolledTo.current = key;
    document.getElementById(`slot-${highlightSlot}`)?.scrollIntoView({ block: 'start' });
  }, [date, highlightSlot, sheet.data, sheet.isPlaceholderData]);

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Box>
          <Title order={1}>{formatDate(date)}</Title>
          <Text size="sm" c="dimmed">
            {/* Viewers cannot book: N is not theirs to press. */}
            {canChange ? t('day.keys') : t('day.keysViewer')}
          </Text>
        </Box>
        <DateNavigator date={date} today={today} onChange={goTo} />
      </Group>

      <OutboxBanner withLink />

      <BookingSearch ref={searchRef} />

      <Group justify="space-between" wrap="wrap">
        <Text fw={600} data-testid="day-totals">
          {sheet.data &&
            t('day.totals', {
              bookings: t('day.bookingCount', { count: sheet.data.totals.bookings }),
              persons: t('day.personCount', { count: sheet.data.totals.persons }),
              fees: formatMoney(sheet.data.totals.feePaise),
            })}
        </Text>
        <Group gap="xs">
          <Switch
            label={t('day.showCancelled')}
            checked={showCancelled}
            onChange={(e) => setShowCancelled(e.currentTarget.checked)}
          />
          {canChange && (
            <Button component={Link} to={`/counter?date=${date}`} variant="filled">
              {t('nav.counter')}
            </Button>
          )}
          <Button component={Link} to={`/day-sheet?date=${date}`} variant="default">
            {t('day.printSheet')}
          </Button>
          <Button
            variant="default"
            loading={csv.isPending}
            onClick={() =>
              csv.mutate(date, {
                onError: (e) =>
                  notifications.show({ color: 'red', message: problemSentence(e, t) }),
              })
            }
          >
            {t('day.downloadCsv')}
          </Button>
        </Group>
      </Group>

      <QueryState query={sheet}>
        {(data) =>
          data.slots.length === 0 ? (
            <EmptyDay date={data.date} />
          ) : (
            <Stack gap="md" aria-busy={sheet.isFetching && sheet.isPlaceholderData}>
              {data.slots.map((slot) => (
                <SlotPanel
                  key={slot.id}
                  slot={slot}
                  date={data.date}
                  highlighted={slot.id === highlightSlot}
                  onMove={(b, s) =>
                    setMoving({
                      id: b.id,
                      reference: b.reference,
                      persons: b.persons,
                      slotId: s.id,
                      sevaId: s.seva.id,
                      date: data.date,
                    })
                  }
                  onEdit={(b) => setEditing(b.id)}
                  onHistory={setHistory}
                  onSettings={(s, heading) => setSettings({ slot: s, heading })}
                  cancelMenu={(b, s) => (
                    <CancelMenu
                      bookingId={b.id}
                      reference={b.reference}
                      refund={cancelRefund(b, s.startsAt, refundHours(s.seva.id))}
                    />
                  )}
                  payment={(b) => <BookingPaymentCell booking={b} />}
                />
              ))}
            </Stack>
          )
        }
      </QueryState>

      {moving && <MoveModal booking={moving} onClose={() => setMoving(undefined)} />}
      {editing !== undefined && (
        <EditModal bookingId={editing} onClose={() => setEditing(undefined)} />
      )}
      {settings && (
        <SlotSettingsModal
          slot={settings.slot}
          title={settings.heading}
          onClose={() => setSettings(undefined)}
        />
      )}
      {history && (
        <AuditModal
          bookingId={history.id}
          reference={history.reference}
          onClose={() => setHistory(undefined)}
        />
      )}
    </Stack>
  );
}
