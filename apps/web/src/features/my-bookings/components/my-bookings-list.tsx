import { formatPhoneInternational, type Booking } from '@sevabook/shared';
import { Alert, Button, Stack, Text, Title } from '@mantine/core';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PageSkeleton } from '../../../components/feedback/page-skeleton.tsx';
import { QueryState } from '../../../components/feedback/query-state.tsx';
import { ApiError } from '../../../lib/api-client.ts';
import { useMyBookings } from '../api/get-my-bookings.ts';
import type { StoredSession } from '../session.ts';
import { CalendarButton } from './calendar-button.tsx';
import { SessionCancel } from './session-cancel.tsx';

/** How the page shows one booking's reference, QR and details (from the bookings feature). */
export type RenderBooking = (booking: Booking) => ReactNode;

function BookingCard({
  booking,
  token,
  renderBooking,
  renderRefundPolicy,
}: {
  booking: Booking;
  token: string;
  renderBooking: RenderBooking;
  renderRefundPolicy: RenderBooking;
}) {
  return (
    // No card around the booking's own reference card: at 200 % text on a phone, every
    // padding taken from the width cut the reference in two.
    <Stack
      component="article"
      gap="md"
      pb="xl"
      data-testid="my-booking"
      data-reference={booking.reference}
      style={{ borderBottom: '2px solid var(--sevabook-cream-border)' }}
    >
      {renderBooking(booking)}
      {booking.status === 'confirmed' && (
        <CalendarButton reference={booking.reference} token={token} />
      )}
      <SessionCancel booking={booking} token={token} refundPolicy={renderRefundPolicy(booking)} />
    </Stack>
  );
}

export function MyBookingsList({
  session,
  renderBooking,
  renderRefundPolicy,
  onSessionOver,
  onSignOut,
}: {
  session: StoredSession;
  renderBooking: RenderBooking;
  /** What cancelling now gives back of a paid fee, said in the cancel question. */
  renderRefundPolicy: RenderBooking;
  onSessionOver: () => void;
  onSignOut: () => void;
}) {
  const { t } = useTranslation();
  const bookings = useMyBookings(session.token);
  const over = bookings.error instanceof ApiError && bookings.error.status === 401;

  useEffect(() => {
    if (over) onSessionOver();
  }, [over, onSessionOver]);

  return (
    <Stack gap="lg">
      <Text fw={700}>
        {t('myBookings.signedInAs', { number: formatPhoneInternational(session.phone) })}
      </Text>
      <QueryState query={bookings} skeleton={<PageSkeleton cards={2} />}>
        {({ upcoming, past }) =>
          upcoming.length === 0 && past.length === 0 ? (
            <Alert color="saffron" variant="light" radius="md" role="status">
              <Text>{t('myBookings.noBookings')}</Text>
            </Alert>
          ) : (
            <Stack gap="xl">
              <Stack gap="md" component="section" aria-labelledby="my-upcoming">
                <Title order={2} id="my-upcoming">
                  {t('myBookings.upcoming')}
                </Title>
                {upcoming.length === 0 && <Text>{t('myBookings.noUpcoming')}</Text>}
                {upcoming.map((booking) => (
                  <BookingCard
                    key={booking.reference}
                    booking={booking}
                    token={session.token}
                    renderBooking={renderBooking}
                    renderRefundPolicy={renderRefundPolicy}
                  />
                ))}
              </Stack>
              {past.length > 0 && (
                <Stack gap="md" component="section" aria-labelledby="my-past">
                  <Title order={2} id="my-past">
                    {t('myBookings.past')}
                  </Title>
                  {past.map((booking) => (
                    <BookingCard
                      key={booking.reference}
                      booking={booking}
                      token={session.token}
                      renderBooking={renderBooking}
                      renderRefundPolicy={renderRefundPolicy}
                    />
                  ))}
                </Stack>
              )}
            </Stack>
          )
        }
      </QueryState>
      <Button variant="subtle" size="lg" fullWidth onClick={onSignOut}>
        {t('myBookings.signOut')}
      </Button>
    </Stack>
  );
}
