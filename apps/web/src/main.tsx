// First: before any module builds a zod schema.
import './lib/zod-jitless.ts';
import './app/styles.css';
import { FALLBACK_TIME_ZONE, preloadKannadaFont, templeQueryOptions } from '@sevabook/ui';
import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { AppProvider } from './app/provider.tsx';
import { AppRoutes, preloadPage } from './app/router.tsx';
import { preloadPageData } from './app/preload-page-data.ts';
import { setupI18n } from './lib/i18n.ts';
import { templeFromPage } from './lib/page-temple.ts';
import { createQueryClient } from './lib/query-client.ts';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

preloadPage(window.location.pathname);
const queryClient = createQueryClient();
// NOTE: the header shows the temple's name (three lines on a phone) and a page in Kannada is
// drawn in a font of its own. Drawn before either is here, everything under the header moves
// when they come: a layout shift the reader sees, and Lighthouse counts. The API writes the
// temple into the page; where it did not, it is asked for now. The first page is drawn once
// both are in, or after a second whatever happens.
const templeInPage = templeFromPage();
const templeOptions = templeQueryOptions({ oncePerVisit: true });
if (templeInPage) queryClient.setQueryData(templeOptions.queryKey, templeInPage);
const templeAnswer = templeInPage ? undefined : queryClient.prefetchQuery(templeOptions);
preloadPageData(
  window.location.pathname,
  queryClient,
  templeInPage?.timeZone ?? FALLBACK_TIME_ZONE,
);
const i18n = await setupI18n();
const kannadaFont = i18n.resolvedLanguage === 'kn' ? preloadKannadaFont() : undefined;
await Promise.race([
  Promise.all([templeAnswer, kannadaFont]),
  new Promise((resolve) => setTimeout(resolve, 1000)),
]);

// As a transition, React draws the first page in slices of a few milliseconds, letting the
// phone answer a tap in between, rather than in one long task (Lighthouse's blocking time).
startTransition(() =>
  createRoot(root).render(
    <StrictMode>
      <AppProvider queryClient={queryClient}>
        <BrowserRouter>
          <AppRoutes />
        </BrowserRouter>
      </AppProvider>
    </StrictMode>,
  ),
);
