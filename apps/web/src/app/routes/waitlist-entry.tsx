import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { confirmationPath } from '../../features/bookings/api/get-booking.ts';
import { ErrorState } from '../../components/feedback/error-state.tsx';
import { PageHeading } from '../../components/feedback/page-heading.tsx';
import { PageSkeleton } from '../../components/feedback/page-skeleton.tsx';
import { QueryState } from '../../components/feedback/query-state.tsx';
import { ApiError } from '../../lib/api-client.ts';
import { useWaitlistEntry } from '../../features/waitlist/api/waitlist-api.ts';
import { WaitlistEntryPanel } from '../../features/waitlist/components/waitlist-entry-panel.tsx';

/** /waitlist/:id?token=…: the devotee's place in line, and the offer when places open. */
export function WaitlistEntryRoute() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const token = useSearchParams()[0].get('token');
  const entry = useWaitlistEntry(id, token);
  const navigate = useNavigate();

  return (
    <Stack gap="lg">
      <PageHeading title={t('waitlist.entryTitle')} />
      {!token ? (
        <ErrorState error={null} message={t('waitlist.errors.not_found')} />
      ) : (
        <QueryState
          query={entry}
          skeleton={<PageSkeleton cards={1} />}
          errorMessage={(e) =>
            e instanceof ApiError && e.code === 'not_found'
              ? t('waitlist.errors.not_found')
              : undefined
          }
        >
          {(data) => (
            <WaitlistEntryPanel
              entry={data}
              token={token}
              onAccepted={(reference, manageToken) =>
                void navigate(confirmationPath(reference, manageToken), { replace: true })
              }
            />
          )}
        </QueryState>
      )}
    </Stack>
  );
}
