import { Alert, Anchor, Button, Container, Group, Stack } from '@mantine/core';
import { useTemple } from '@sevabook/ui';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { QueryState } from '../../components/feedback/query-state.tsx';
import { useBooking } from '../../features/bookings/api/get-booking.ts';
import { PaymentReceipt } from '../../features/payments/components/payment-receipt.tsx';

/** A booking's payment receipt on its own page, outside the app's frame, to print on A5. */
export default function ReceiptRoute() {
  const { t } = useTranslation();
  const { name, timeZone } = useTemple();
  const id = Number(useParams().id);
  const booking = useBooking(id, Number.isInteger(id) && id > 0);

  return (
    <Container size={700} py="md" component="main">
      <QueryState query={booking}>
        {(b) => (
          <Stack gap="md">
            <Group justify="space-between" className="no-print">
              <Anchor component={Link} to={`/day?date=${b.slot.date}&slot=${b.slot.id}`}>
                {t('payments.receipt.back')}
              </Anchor>
              {b.payment && (
                <Button onClick={() => window.print()} autoFocus>
                  {t('payments.receipt.print')}
                </Button>
              )}
            </Group>
            {b.payment ? (
              <PaymentReceipt
                booking={b}
                payment={b.payment}
                templeName={name}
                timeZone={timeZone}
              />
            ) : (
              <Alert color="saffron">{t('payments.receipt.notPaid')}</Alert>
            )}
          </Stack>
        )}
      </QueryState>
    </Container>
  );
}
