import { Alert, Anchor, Button, Container, Group, Stack, Text, Title } from '@mantine/core';
import { useTemple } from '@sevabook/ui';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { QueryState } from '../../components/feedback/query-state.tsx';
import { useDaySheet } from '../../features/day/api/get-day-sheet.ts';
import { PrintSheet } from '../../features/day-sheet/components/print-sheet.tsx';
import { slotsToPrint } from '../../features/day-sheet/sheet-summary.ts';
import { isIsoDate, todayIn } from '../../lib/calendar-date.ts';
import { formatDate } from '../../lib/temple-format.ts';

/** The printable day sheet, outside the app's frame so that only the sheet prints. */
export default function DaySheetRoute() {
  const { t } = useTranslation();
  const { timeZone } = useTemple();
  const [params] = useSearchParams();
  const raw = params.get('date');
  const date = isIsoDate(raw) ? raw : todayIn(timeZone);
  const sheet = useDaySheet({ date });

  return (
    <Container size={900} py="md" component="main">
      <Stack gap="md">
        <Group justify="space-between" className="no-print">
          <div>
            <Title order={1}>{t('sheet.pageTitle', { date: formatDate(date) })}</Title>
            <Text size="sm">{t('sheet.printIntro')}</Text>
          </div>
          <Group>
            <Anchor component={Link} to={`/day?date=${date}`}>
              {t('nav.day')}
            </Anchor>
            <Button onClick={() => window.print()}>{t('sheet.print')}</Button>
          </Group>
        </Group>
        <QueryState query={sheet}>
          {(data) =>
            data.slots.length === 0 ? (
              <Alert color="saffron" variant="light">
                {t('day.empty')}
              </Alert>
            ) : slotsToPrint(data).length === 0 ? (
              <Alert color="saffron" variant="light">
                {t('sheet.nothingToPrint')}
              </Alert>
            ) : (
              <>
                <PrintSheet sheet={data} />
                <Text className="no-print" fw={600}>
                  {t('sheet.totals', {
                    bookings: t('sheet.bookingCount', { count: data.totals.bookings }),
                    persons: t('sheet.personCount', { count: data.totals.persons }),
                  })}
                </Text>
              </>
            )
          }
        </QueryState>
      </Stack>
    </Container>
  );
}
