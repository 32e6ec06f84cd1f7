import { Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ErrorState } from '../../components/feedback/error-state.tsx';
import { PageHeading } from '../../components/feedback/page-heading.tsx';
import { PageSkeleton } from '../../components/feedback/page-skeleton.tsx';
import { QueryState } from '../../components/feedback/query-state.tsx';
import { useBooking } from '../../features/bookings/api/get-booking.ts';
import { AddToCalendarButton } from '../../features/bookings/components/add-to-calendar-button.tsx';
import { BookingDetails } from '../../features/bookings/components/booking-details.tsx';
import { CancelPanel } from '../../features/bookings/components/cancel-panel.tsx';
import { ReferenceCard } from '../../features/bookings/components/reference-card.tsx';
import classes from '../../features/bookings/components/bookings.module.css';
import { ApiError } from '../../lib/api-client.ts';

export function ManageRoute() {
  const { t } = useTranslation();
  const reference = useParams().reference ?? '';
  const token = useSearchParams()[0].get('token');
  const booking = useBooking(reference, token);

  return (
    <Stack gap="lg">
      <PageHeading title={t('manage.title')} />
      {!token ? (
        <ErrorState error={null} message={t('manage.missingToken')} />
      ) : (
        <QueryState
          query={booking}
          skeleton={<PageSkeleton cards={1} />}
          errorMessage={(e) =>
            e instanceof ApiError && e.code === 'not_found' ? t('manage.notFound') : undefined
          }
        >
          {(data) => (
            <Stack gap="lg">
              {data.status === 'confirmed' ? (
                // What the confirmation page showed: the code for the counter to scan.
                <ReferenceCard reference={data.reference} checkInCode={data.checkInCode} />
              ) : (
                <div>
                  <Text fw={700} c="dimmed">
                    {t('confirmation.reference')}
                  </Text>
                  <Text className={classes.reference} data-testid="booking-reference">
                    {data.reference}
                  </Text>
                </div>
              )}
              <BookingDetails booking={data} withStatus />
              {data.status === 'confirmed' && (
                <AddToCalendarButton reference={data.reference} token={token} />
              )}
              <CancelPanel booking={data} token={token} />
              <Button component={Link} to="/" variant="subtle" size="lg" fullWidth>
                {t('manage.bookAgain')}
              </Button>
            </Stack>
          )}
        </QueryState>
      )}
    </Stack>
  );
}
