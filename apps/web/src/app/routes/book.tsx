import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Navigate, NavigationType, useNavigate, useNavigationType, useParams } from 'react-router';
import { PageHeading } from '../../components/feedback/page-heading.tsx';
import { PageSkeleton } from '../../components/feedback/page-skeleton.tsx';
import { QueryState } from '../../components/feedback/query-state.tsx';
import { BackLink } from '../../components/layout/back-link.tsx';
import { confirmationPath } from '../../features/bookings/api/get-booking.ts';
import { bookedFrom } from '../../features/bookings/booking-draft.ts';
import { BookingForm } from '../../features/bookings/components/booking-form.tsx';
import { SlotSummary } from '../../features/bookings/components/slot-summary.tsx';
import { paymentStepPath } from '../../features/payments/api/payment-order.ts';
import { useSeva } from '../../features/sevas/api/get-seva.ts';
import { useSlot } from '../../features/slots/api/get-slot.ts';
import { useAvailabilityStream } from '../../features/slots/hooks/use-availability-stream.ts';
import { localized } from '../../lib/temple-format.ts';
import { useUiLanguage } from '../../lib/use-ui-language.ts';

export function BookRoute() {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const navigate = useNavigate();
  const params = useParams();
  const sevaId = Number(params.sevaId);
  const slotId = Number(params.slotId);
  const seva = useSeva(sevaId);
  const slot = useSlot(slotId);
  // Live places here too: if the last place goes while the devotee types, they hear it now.
  useAvailabilityStream(sevaId);
  // Back (or forward) to a form this tab has already booked from, this slot's or one that filled
  // on the way: the devotee sees the booking they made, not that the place has gone.
  const returning = useNavigationType() === NavigationType.Pop;
  const booked = returning ? bookedFrom(slotId) : null;

  const onBooked = (reference: string, token: string, status: string) => {
    // Held for an online payment: on to the payment step by a full page load, since only that
    // page's policy lets Razorpay's script in. Replace, not push, either way: "back" from the
    // next page must not reopen a filled-in form.
    if (status === 'pending_payment') window.location.replace(paymentStepPath(reference, token));
    else void navigate(confirmationPath(reference, token), { replace: true });
  };

  if (booked) return <Navigate to={confirmationPath(booked.reference, booked.token)} replace />;
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
                  title={t('form.title', { seva: localized(sevaData.name, language) })}
                />
                <SlotSummary seva={sevaData} slot={slotData} />
                <BookingForm
                  key={slotData.id}
                  seva={sevaData}
                  slot={slotData}
                  onBooked={onBooked}
                />
              </Stack>
            )}
          </QueryState>
        )}
      </QueryState>
    </Stack>
  );
}
