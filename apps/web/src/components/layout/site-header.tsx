import { Button, Container, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useTemple } from '../../lib/use-temple.ts';
import { LanguageSwitch } from './language-switch.tsx';
import classes from './site-layout.module.css';

function TempleMark() {
  return (
    <svg className={classes.mark} viewBox="0 0 64 64" aria-hidden="true" focusable="false">
      <path d="M32 6c5 10 15 15 15 28a15 15 0 0 1-30 0C17 21 27 16 32 6z" fill="#ffad33" />
      <path
        d="M32 26c2.5 5 7.5 7.5 7.5 13.5a7.5 7.5 0 0 1-15 0c0-6 5-8.5 7.5-13.5z"
        fill="#fff6e8"
      />
      <rect x="12" y="54" width="40" height="5" rx="2.5" fill="#ffad33" />
    </svg>
  );
}

export function SiteHeader() {
  const { t } = useTranslation();
  const temple = useTemple();
  return (
    <header className={classes.header} data-surface="maroon">
      <Container size={720} className={classes.headerInner}>
        <Group justify="space-between" align="center" gap="sm" wrap="wrap">
          <Link to="/" className={classes.brand}>
            <TempleMark />
            <span className={classes.brandText}>
              <Text component="span" className={classes.templeName}>
                {temple.name ?? t('app.siteName')}
              </Text>
              {temple.name && (
                <Text component="span" className={classes.siteName}>
                  {t('app.siteName')}
                </Text>
              )}
            </span>
          </Link>
          <Group gap="xs" wrap="wrap">
            <Button
              component={Link}
              to="/my-bookings"
              size="sm"
              radius="xl"
              px="xs"
              variant="subtle"
              color="saffron.1"
              c="saffron.1"
              td="underline"
            >
              {t('myBookings.nav')}
            </Button>
            <LanguageSwitch />
          </Group>
        </Group>
      </Container>
    </header>
  );
}
