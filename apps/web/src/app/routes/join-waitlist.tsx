import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { PageHeading } from '../../components/feedback/page-heading.tsx';
import { PageSkeleton } from '../../components/feedback/page-skeleton.tsx';
import { QueryState } from '../../components/feedback/query-state.tsx';
import { BackLink } from '../../components/layout/back-link.tsx';
import { SlotSummary } from '../../features/bookings/components/slot-summary.tsx';
import { useSeva } from '../../features/sevas/api/get-seva.ts';
import { useSlot } from '../../features/slots/api/get-slot.ts';
import { localized } from '../../lib/temple-format.ts';
import { useUiLanguage } from '../../lib/use-ui-language.ts';
import { waitlistEntryPath } from '../../features/waitlist/api/waitlist-api.ts';
import { JoinWaitlistForm } from '../../features/waitlist/components/join-waitlist-form.tsx';

/** /sevas/:sevaId/slots/:slotId/waitlist: joining a full time's waiting list. */
export function JoinWaitlistRoute() {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const navigate = useNavigate();
  const params = useParams();
  const sevaId = Number(params.sevaId);
  const slotId = Number(params.slotId);
  const seva = useSeva(sevaId);
  const slot = useSlot(slotId);

  return (
    <Stack gap="lg">
      <BackLink to={`/sevas/${sevaId}${slot.data ? `?date=${slot.data.date}` : ''}`}>
        {t('form.chooseAnotherTime')}
      </BackLink>
      <QueryState query={seva} skeleton={<PageSkeleton cards={2} />}>
        {(sevaData) => (
          <QueryState query={slot} skeleton={<PageSkeleton cards={2} />}>
            {(slotData) => (
              <Stack gap="lg">
                <PageHeading
                  title={t('waitlist.joinTitle', { seva: localized(sevaData.name, language) })}
                />
                <SlotSummary seva={sevaData} slot={slotData} />
                <JoinWaitlistForm
                  seva={sevaData}
                  slot={slotData}
                  onJoined={(id, token) =>
                    void navigate(waitlistEntryPath(id, token), { replace: true })
                  }
                />
              </Stack>
            )}
          </QueryState>
        )}
      </QueryState>
    </Stack>
  );
}
