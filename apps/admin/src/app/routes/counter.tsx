import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import type { AdminBooking } from '@sevabook/shared';
import { useTemple } from '@sevabook/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { QueryState } from '../../components/feedback/query-state.tsx';
import { isIsoDate, todayIn } from '../../lib/calendar-date.ts';
import { useCan } from '../../lib/use-session.ts';
import { useCreateBooking } from '../../features/bookings/api/create-booking.ts';
import { CounterForm } from '../../features/counter/components/counter-form.tsx';
import { ReceiptSlip } from '../../features/counter/components/receipt-slip.tsx';
import { useSevas } from '../../features/sevas/api/get-sevas.ts';

/** Counter and phone bookings; after each one, the receipt to print and a fresh form. */
export default function CounterRoute() {
  const { t } = useTranslation();
  const { name, timeZone } = useTemple();
  const [params] = useSearchParams();
  const sevas = useSevas();
  const canChange = useCan('changeBookings');
  const create = useCreateBooking();
  const [booked, setBooked] = useState<AdminBooking>();
  const [round, setRound] = useState(0);
  // The next walk-in usually wants the same seva: keep it chosen.
  const [lastSevaId, setLastSevaId] = useState<string>();
  const date = params.get('date');
  const initial = {
    date: isIsoDate(date) ? date : todayIn(timeZone),
    sevaId: lastSevaId ?? params.get('sevaId') ?? undefined,
    slotId: params.get('slotId') ?? undefined,
  };
  const another = () => {
    create.reset();
    setBooked(undefined);
    setRound((n) => n + 1);
  };
  useHotkeys([['n', () => booked && another()]]);

  if (!canChange) return <Alert color="saffron">{t('problems.forbidden')}</Alert>;

  return (
    <Stack>
      <div className="no-print">
        <Title order={1}>{t('counter.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('counter.intro')}
        </Text>
      </div>
      {booked ? (
        <Stack gap="md">
          <Alert color="leaf" variant="light" role="status" className="no-print">
            <Text fw={700}>{t('counter.booked', { reference: booked.reference })}</Text>
          </Alert>
          <ReceiptSlip booking={booked} templeName={name} timeZone={timeZone} />
          <Group className="no-print">
            <Button onClick={() => window.print()} autoFocus>
              {t('counter.printReceipt')}
            </Button>
            <Button variant="default" onClick={another}>
              {t('counter.another')}
            </Button>
            <Button
              variant="subtle"
              component={Link}
              to={`/day?date=${booked.slot.date}&slot=${booked.slot.id}`}
            >
              {t('bookings.openDay')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <QueryState query={sevas}>
          {(data) => (
            <CounterForm
              key={round}
              sevas={data.items}
              initial={initial}
              booking={{
                book: (body, idempotencyKey) =>
                  create.mutate(
                    { body, idempotencyKey },
                    {
                      onSuccess: (b) => {
                        setBooked(b);
                        setLastSevaId(String(b.seva.id));
                      },
                    },
                  ),
                isPending: create.isPending,
                error: create.error,
              }}
            />
          )}
        </QueryState>
      )}
    </Stack>
  );
}
