import type { SignInCodeSent } from '@sevabook/shared';
import { Stack } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../../components/feedback/page-heading.tsx';
import { useDevoteeSession } from '../session.ts';
import { CodeStep } from './code-step.tsx';
import { MyBookingsList, type RenderBooking } from './my-bookings-list.tsx';
import { PhoneStep, type PhoneInputProps } from './phone-step.tsx';

/**
 * My bookings: the phone, then the code sent to it, then that phone's bookings. When the
 * session ends (its 15 minutes are up, or the API says so) the devotee is back at the phone,
 * with their number still in it and a sentence saying why.
 */
export function MyBookingsPage({
  PhoneInput,
  renderBooking,
  renderRefundPolicy,
}: {
  PhoneInput: ComponentType<PhoneInputProps>;
  renderBooking: RenderBooking;
  renderRefundPolicy: RenderBooking;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { session, ended, start, end } = useDevoteeSession();
  const [sent, setSent] = useState<{ phone: string; answer: SignInCodeSent } | null>(null);
  const [lastPhone, setLastPhone] = useState('');

  const finish = useCallback(
    (why: 'expired' | 'signed-out') => {
      if (session) setLastPhone(session.phone);
      setSent(null);
      queryClient.removeQueries({ queryKey: ['my-bookings'] });
      end(why);
    },
    [session, end, queryClient],
  );
  const sessionOver = useCallback(() => finish('expired'), [finish]);

  return (
    <Stack gap="lg">
      <PageHeading title={t('myBookings.title')} />
      {session ? (
        <MyBookingsList
          session={session}
          renderBooking={renderBooking}
          renderRefundPolicy={renderRefundPolicy}
          onSessionOver={sessionOver}
          onSignOut={() => finish('signed-out')}
        />
      ) : sent ? (
        <CodeStep
          phone={sent.phone}
          resendAfterSeconds={sent.answer.resendAfterSeconds}
          onSession={(answer) => {
            setSent(null);
            start(answer);
          }}
          onChangeNumber={() => {
            setLastPhone(sent.phone);
            setSent(null);
          }}
        />
      ) : (
        <PhoneStep
          PhoneInput={PhoneInput}
          initialPhone={lastPhone}
          notice={ended === 'expired' ? t('myBookings.expired') : undefined}
          onSent={(phone, answer) => setSent({ phone, answer })}
        />
      )}
    </Stack>
  );
}
