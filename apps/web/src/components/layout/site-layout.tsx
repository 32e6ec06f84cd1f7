import { Container, Text } from '@mantine/core';
import { Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation } from 'react-router';
import { PageErrorBoundary } from '../feedback/page-error-boundary.tsx';
import { OfflineBanner } from '../feedback/offline-banner.tsx';
import { PageSkeleton } from '../feedback/page-skeleton.tsx';
import { SiteHeader } from './site-header.tsx';
import classes from './site-layout.module.css';

const MAIN_ID = 'main';

export function SiteLayout() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  // A new page starts at its top; choosing a date (a change of ?date= only) keeps the scroll.
  // NOTE: braces matter: newer browsers return a promise from scrollTo, and an effect that
  // returns anything but a function crashes React when the page changes.
  useEffect(() => {
    window.scrollTo(0, 0);
  }, [pathname]);

  return (
    <>
      <a href={`#${MAIN_ID}`} className={classes.skipLink}>
        {t('app.skipToContent')}
      </a>
      <SiteHeader />
      <OfflineBanner />
      <main id={MAIN_ID} tabIndex={-1} className={classes.main}>
        {/* One column, at most ~720 px: easy to read on a phone and on a desktop alike. */}
        <Container size={720}>
          <PageErrorBoundary key={pathname}>
            <Suspense fallback={<PageSkeleton />}>
              <Outlet />
            </Suspense>
          </PageErrorBoundary>
        </Container>
      </main>
      <footer className={classes.footer}>
        <Container size={720}>
          <Text size="sm" c="dimmed">
            {t('app.footer')}
          </Text>
        </Container>
      </footer>
    </>
  );
}
