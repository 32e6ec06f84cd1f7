import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { PageSkeleton } from '../components/feedback/page-skeleton.tsx';
import { AdminShell } from '../components/layout/admin-shell.tsx';
import { RequireSession } from '../features/auth/components/require-session.tsx';
import { DayRoute } from './routes/day.tsx';
import { LoginRoute } from './routes/login.tsx';
import { NotFoundRoute } from './routes/not-found.tsx';

// The day view is the home screen and comes with the first download; the rest load on demand.
const CalendarRoute = lazy(() => import('./routes/calendar.tsx'));
const CounterRoute = lazy(() => import('./routes/counter.tsx'));
const DaySheetRoute = lazy(() => import('./routes/day-sheet.tsx'));
const SevasRoute = lazy(() => import('./routes/sevas.tsx'));
const SevaRoute = lazy(() => import('./routes/seva.tsx'));
const NotificationsRoute = lazy(() => import('./routes/notifications.tsx'));
const UsersRoute = lazy(() => import('./routes/users.tsx'));
const PrivacyRoute = lazy(() => import('./routes/privacy.tsx'));

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
        <Route element={<AdminShell />}>
          {/* The day view lives at /admin/day rather than /admin/: a router link to "/" yields
              "/admin" without the slash, which the server hands to the devotee site. */}
          <Route index element={<Navigate to="/day" replace />} />
          <Route path="/day" element={<DayRoute />} />
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
            path="/privacy"
            element={
              <Lazy>
                <PrivacyRoute />
              </Lazy>
            }
          />
          <Route path="*" element={<NotFoundRoute />} />
        </Route>
      </Route>
    </Routes>
  );
}

function Lazy({ children }: { children: React.ReactNode }) {
  return <Suspense fallback={<PageSkeleton />}>{children}</Suspense>;
}
