import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import { SiteLayout } from '../components/layout/site-layout.tsx';

// Every page is its own chunk: a devotee opening the home page downloads only the home page.
const HomeRoute = lazy(() => import('./routes/home.tsx').then((m) => ({ default: m.HomeRoute })));
const SevaRoute = lazy(() => import('./routes/seva.tsx').then((m) => ({ default: m.SevaRoute })));
const BookRoute = lazy(() => import('./routes/book.tsx').then((m) => ({ default: m.BookRoute })));
const ConfirmationRoute = lazy(() =>
  import('./routes/confirmation.tsx').then((m) => ({ default: m.ConfirmationRoute })),
);
const ManageRoute = lazy(() =>
  import('./routes/manage.tsx').then((m) => ({ default: m.ManageRoute })),
);
const NotFoundRoute = lazy(() =>
  import('./routes/not-found.tsx').then((m) => ({ default: m.NotFoundRoute })),
);

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<SiteLayout />}>
        <Route index element={<HomeRoute />} />
        <Route path="sevas/:sevaId" element={<SevaRoute />} />
        <Route path="sevas/:sevaId/slots/:slotId/book" element={<BookRoute />} />
        <Route path="booked/:reference" element={<ConfirmationRoute />} />
        <Route path="manage/:reference" element={<ManageRoute />} />
        <Route path="*" element={<NotFoundRoute />} />
      </Route>
    </Routes>
  );
}
