import { AppShell, Badge, Box, Burger, Button, Group, NavLink, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTemple } from '@sevabook/ui';
import { useTranslation } from 'react-i18next';
import { NavLink as RouterNavLink, Outlet, useLocation } from 'react-router';
import { useLogout } from '../../lib/logout.ts';
import { useCan, useStaffUser } from '../../lib/use-session.ts';
import { LiveIndicator } from '../feedback/live-indicator.tsx';
import { useAvailabilityStream } from '../../lib/slots/use-availability-stream.ts';
import classes from './admin-shell.module.css';

/**
 * Header with the temple's name and the signed-in user, a side navigation (a drawer on a
 * tablet in portrait), and the page. Links a user's role cannot use are not shown at all.
 */
export function AdminShell() {
  const { t } = useTranslation();
  const user = useStaffUser();
  const { name } = useTemple();
  const logout = useLogout();
  const canChange = useCan('changeBookings');
  const canManageStaff = useCan('manageStaff');
  const [opened, { toggle, close }] = useDisclosure(false);
  const { pathname } = useLocation();
  // One live connection for every screen: counts patch in place, rows refetch in the background.
  const stream = useAvailabilityStream();

  const links = [
    { to: '/day', label: t('nav.day'), show: true },
    { to: '/calendar', label: t('nav.calendar'), show: true },
    { to: '/counter', label: t('nav.counter'), show: canChange },
    { to: '/check-in', label: t('checkIn.nav'), show: canChange },
    { to: '/sevas', label: t('nav.sevas'), show: true },
    { to: '/notifications', label: t('nav.notifications'), show: true },
    { to: '/collections', label: t('collections.nav'), show: true },
    { to: '/refunds', label: t('payments.refunds.title'), show: true },
    { to: '/users', label: t('nav.users'), show: canManageStaff },
    { to: '/privacy', label: t('nav.privacy'), show: canManageStaff },
  ];

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 220, breakpoint: 'md', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <a href="#main" className={classes.skip}>
        {t('app.skipToContent')}
      </a>
      <AppShell.Header className={classes.header}>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap" style={{ minWidth: 0, flex: 1 }}>
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="md"
              size="sm"
              color="var(--sevabook-cream-page)"
              aria-label={t('app.menu')}
            />
            <Text fw={700} className={classes.brand} truncate>
              {name ?? t('app.title')}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Box visibleFrom="sm">
              <LiveIndicator state={stream} />
            </Box>
            <Text size="sm" className={classes.user} visibleFrom="sm">
              {t('app.signedInAs', { name: user.name })}
            </Text>
            <Badge color="saffron.2" c="maroon.9" variant="filled" data-testid="role-badge">
              {t(`roles.${user.role}`)}
            </Badge>
            <Button
              size="compact-md"
              variant="white"
              color="maroon"
              style={{ flexShrink: 0 }}
              onClick={() => logout.mutate()}
              loading={logout.isPending}
            >
              {t('app.logout')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label={t('nav.main')}>
        <Stack gap={2}>
          {links
            .filter((l) => l.show)
            .map((l) => (
              <NavLink
                key={l.to}
                component={RouterNavLink}
                to={l.to}
                label={l.label}
                active={pathname.startsWith(l.to)}
                onClick={close}
                className={classes.navLink}
              />
            ))}
        </Stack>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1} className={classes.main}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
