import type { Booking } from '@sevabook/shared';
import { Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { ErrorState } from '../../components/feedback/error-state.tsx';
import { PageHeading } from '../../components/feedback/page-heading.tsx';
import { PageSkeleton } from '../../components/feedback/page-skeleton.tsx';
import { QueryState } from '../../components/feedback/query-state.tsx';
import { useBooking } from '../../features/bookings/api/get-booking.ts';
import { ApiError } from '../../lib/api-client.ts';

/**
 * A page of one booking opened by its secret link (/…/:reference?token=…): the manage page and
 * the payment step. Without a token, or for a reference and token that do not match, it says
 * so in the devotee's language; otherwise it hands the booking and its token to the page.
 */
export function BookingByLink({
  title,
  skeletonCards,
  children,
}: {
  title: string;
  skeletonCards: number;
  children: (booking: Booking, token: string) => ReactNode;
}) {
  const { t } = useTranslation();
  const reference = useParams().reference ?? '';
  const token = useSearchParams()[0].get('token');
  const booking = useBooking(reference, token);

  return (
    <Stack gap="lg">
      <PageHeading title={title} />
      {!token ? (
        <ErrorState error={null} message={t('manage.missingToken')} />
      ) : (
        <QueryState
          query={booking}
          skeleton={<PageSkeleton cards={skeletonCards} />}
          errorMessage={(e) =>
            e instanceof ApiError && e.code === 'not_found' ? t('manage.notFound') : undefined
          }
        >
          {(data) => children(data, token)}
        </QueryState>
      )}
    </Stack>
  );
}
