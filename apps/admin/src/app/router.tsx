import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { PageSkeleton } from '../components/feedback/page-skeleton.tsx';
import { RequireSession } from '../features/auth/components/require-session.tsx';
import { LoginRoute } from './routes/login.tsx';

// Only the sign-in page comes with the first download: it is what staff see first each day, on
// a counter tablet as often as at a desk. The shell and every screen load on demand once signed
// in, so the sign-in page does not wait for the day view's tables, forms and phone parsing.
const AdminShell = lazy(() =>
  import('../components/layout/admin-shell.tsx').then((m) => ({ default: m.AdminShell })),
);
const DayRoute = lazy(() => import('./routes/day.tsx').then((m) => ({ default: m.DayRoute })));
const NotFoundRoute = lazy(() =>
  import('./routes/not-found.tsx').then((m) => ({ default: m.NotFoundRoute })),
);
const CalendarRoute = lazy(() => import('./routes/calendar.tsx'));
const CounterRoute = lazy(() => import('./routes/counter.tsx'));
const DaySheetRoute = lazy(() => import('./routes/day-sheet.tsx'));
const SevasRoute = lazy(() => import('./routes/sevas.tsx'));
const SevaRoute = lazy(() => import('./routes/seva.tsx'));
const NotificationsRoute = lazy(() => import('./routes/notifications.tsx'));
const UsersRoute = lazy(() => import('./routes/users.tsx'));
const PrivacyRoute = lazy(() => import('./routes/privacy.tsx'));
const CheckInRoute = lazy(() => import('./routes/check-in.tsx'));
const CollectionsRoute = lazy(() => import('./routes/collections.tsx'));
const RefundsRoute = lazy(() => import('./routes/refunds.tsx'));
const ReceiptRoute = lazy(() => import('./routes/receipt.tsx'));
const WaitlistRoute = lazy(() => import('../features/waitlist/waitlist-route.tsx'));

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginRoute />} />
      <Route element={<RequireSession />}>
        <Route
          path="/day-sheet"
          element={
            <Lazy>
              <DaySheetRoute />
            </Lazy>
          }
        />
        <Route
          path="/receipt/:id"
          element={
            <Lazy>
              <ReceiptRoute />
            </Lazy>
          }
        />
        <Route
          element={
            <Lazy>
              <AdminShell />
            </Lazy>
          }
        >
          {/* The day view lives at /admin/day rather than /admin/: a router link to "/" yields
              "/admin" without the slash, which the server hands to the devotee site. */}
          <Route index element={<Navigate to="/day" replace />} />
          <Route
            path="/day"
            element={
              <Lazy>
                <DayRoute />
              </Lazy>
            }
          />
          <Route
            path="/slots/:slotId/waitlist"
            element={
              <Lazy>
                <WaitlistRoute />
              </Lazy>
            }
          />
          <Route
            path="/calendar"
            element={
              <Lazy>
                <CalendarRoute />
              </Lazy>
            }
          />
          <Route
            path="/counter"
            element={
              <Lazy>
                <CounterRoute />
              </Lazy>
            }
          />
          <Route
            path="/sevas"
            element={
              <Lazy>
                <SevasRoute />
              </Lazy>
            }
          />
          <Route
            path="/sevas/:id"
            element={
              <Lazy>
                <SevaRoute />
              </Lazy>
            }
          />
          <Route
            path="/notifications"
            element={
              <Lazy>
                <NotificationsRoute />
              </Lazy>
            }
          />
          <Route
            path="/users"
            element={
              <Lazy>
                <UsersRoute />
              </Lazy>
            }
          />
          <Route
            path="/check-in"
            element={
              <Lazy>
                <CheckInRoute />
              </Lazy>
            }
          />
          <Route
            path="/privacy"
            element={
              <Lazy>
                <PrivacyRoute />
              </Lazy>
            }
          />
          <Route
            path="/collections"
            element={
              <Lazy>
                <CollectionsRoute />
              </Lazy>
            }
          />
          <Route
            path="/refunds"
            element={
              <Lazy>
                <RefundsRoute />
              </Lazy>
            }
          />
          <Route
            path="*"
            element={
              <Lazy>
                <NotFoundRoute />
              </Lazy>
            }
          />
        </Route>
      </Route>
    </Routes>
  );
}

function Lazy({ children }: { children: React.ReactNode }) {
  return <Suspense fallback={<PageSkeleton />}>{children}</Suspense>;
}
