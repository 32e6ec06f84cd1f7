import { Alert, Container, Paper, Stack, Text, Title } from '@mantine/core';
import { useTemple } from '@sevabook/ui';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate, type Location } from 'react-router';
import { LoginForm } from '../../features/auth/components/login-form.tsx';
import { useSession } from '../../lib/use-session.ts';
import type { SignOutReason } from '../../lib/session.ts';

interface LoginState {
  from?: Location;
  reason?: SignOutReason;
}

export function LoginRoute() {
  const { t } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  const { name } = useTemple();
  const state = (useLocation().state ?? {}) as LoginState;
  const target = state.from ? `${state.from.pathname}${state.from.search}` : '/day';

  if (session.status === 'signed-in') return <Navigate to={target} replace />;
  return (
    <Container size={440} py={64} component="main">
      <Paper withBorder p="xl" shadow="xs">
        <Stack>
          <div>
            <Text c="dimmed" size="sm">
              {name ?? t('app.title')}
            </Text>
            <Title order={1}>{t('login.title')}</Title>
          </div>
          <Text>{t('login.intro')}</Text>
          {state.reason === 'expired' && (
            <Alert color="saffron" variant="light" role="status">
              {t('login.expired')}
            </Alert>
          )}
          {state.reason === 'logout' && (
            <Alert color="leaf" variant="light" role="status">
              {t('login.loggedOut')}
            </Alert>
          )}
          <LoginForm onSignedIn={() => void navigate(target, { replace: true })} />
        </Stack>
      </Paper>
    </Container>
  );
}
