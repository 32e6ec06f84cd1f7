import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import { SiteLayout } from '../components/layout/site-layout.tsx';

// Every page is its own chunk: a devotee opening the home page downloads only the home page.
const loadHome = () => import('./routes/home.tsx');
const loadSeva = () => import('./routes/seva.tsx');
const HomeRoute = lazy(() => loadHome().then((m) => ({ default: m.HomeRoute })));
const SevaRoute = lazy(() => loadSeva().then((m) => ({ default: m.SevaRoute })));
const BookRoute = lazy(() => import('./routes/book.tsx').then((m) => ({ default: m.BookRoute })));
const ConfirmationRoute = lazy(() =>
  import('./routes/confirmation.tsx').then((m) => ({ default: m.ConfirmationRoute })),
);
const ManageRoute = lazy(() =>
  import('./routes/manage.tsx').then((m) => ({ default: m.ManageRoute })),
);
const PayRoute = lazy(() => import('./routes/pay.tsx').then((m) => ({ default: m.PayRoute })));
const MyBookingsRoute = lazy(() =>
  import('./routes/my-bookings.tsx').then((m) => ({ default: m.MyBookingsRoute })),
);
const JoinWaitlistRoute = lazy(() =>
  import('./routes/join-waitlist.tsx').then((m) => ({ default: m.JoinWaitlistRoute })),
);
const WaitlistEntryRoute = lazy(() =>
  import('./routes/waitlist-entry.tsx').then((m) => ({ default: m.WaitlistEntryRoute })),
);
const NotFoundRoute = lazy(() =>
  import('./routes/not-found.tsx').then((m) => ({ default: m.NotFoundRoute })),
);

/**
 * Starts fetching the code of the page a devotee opened (the home page or a seva's, where most
 * visits begin) while the rest of the start-up runs, instead of after the first render: one
 * round trip less on a slow line. The lazy route then finds the module already loaded.
 */
export function preloadPage(pathname: string): void {
  const load = pathname === '/' ? loadHome : /^\/sevas\/[^/]+\/?$/.test(pathname) ? loadSeva : null;
  // Should it fail, the page's own lazy import tries again and shows the error.
  load?.().catch(() => undefined);
}

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<SiteLayout />}>
        <Route index element={<HomeRoute />} />
        <Route path="sevas/:sevaId" element={<SevaRoute />} />
        <Route path="sevas/:sevaId/slots/:slotId/book" element={<BookRoute />} />
        <Route path="booked/:reference" element={<ConfirmationRoute />} />
        <Route path="manage/:reference" element={<ManageRoute />} />
        <Route path="pay/:reference" element={<PayRoute />} />
        <Route path="my-bookings" element={<MyBookingsRoute />} />
        <Route path="sevas/:sevaId/slots/:slotId/waitlist" element={<JoinWaitlistRoute />} />
        <Route path="waitlist/:id" element={<WaitlistEntryRoute />} />
        <Route path="*" element={<NotFoundRoute />} />
      </Route>
    </Routes>
  );
}
