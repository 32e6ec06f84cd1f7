import { Center, Loader, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { ErrorState } from '../../../components/feedback/error-state.tsx';
import { refreshSession } from '../../../lib/api-client.ts';
import { sessionStore } from '../../../lib/session.ts';
import { useSession } from '../../../lib/use-session.ts';
import { ChangePasswordForm } from './change-password-form.tsx';

/**
 * The gate in front of every staff screen. After a reload nothing is in memory, so it first asks
 * for a new access token with the refresh cookie; without a session it sends the user to the
 * login page and brings them back to where they were afterwards.
 */
export function RequireSession() {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();
  const [error, setError] = useState<unknown>();
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (sessionStore.get().status !== 'unknown') return;
    refreshSession()
      .then((renewed) => {
        if (!renewed) sessionStore.signOut('none');
      })
      .catch(setError);
  }, [attempt]);

  if (session.status === 'signed-out') {
    return <Navigate to="/login" replace state={{ from: location, reason: session.reason }} />;
  }
  if (session.status === 'unknown') {
    return (
      <Center mih="60vh" p="md">
        {error ? (
          <ErrorState
            error={error}
            onRetry={() => {
              setError(undefined);
              setAttempt((n) => n + 1);
            }}
          />
        ) : (
          <Stack align="center" gap="xs" role="status">
            <Loader aria-hidden />
            <Text>{t('login.checking')}</Text>
          </Stack>
        )}
      </Center>
    );
  }
  if (session.user.mustChangePassword) return <ChangePasswordForm />;
  return <Outlet />;
}
