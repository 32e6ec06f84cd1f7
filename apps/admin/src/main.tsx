// First: before any module builds a zod schema.
import './lib/zod-jitless.ts';
// Staff screens use most of Mantine: its whole stylesheet, compressed by the build.
import '@mantine/core/styles.layer.css';
import '@sevabook/ui/styles.css';
import '@mantine/notifications/styles.layer.css';
import '@mantine/dates/styles.layer.css';
import './app/admin.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { AppProvider } from './app/provider.tsx';
import { AppRoutes } from './app/router.tsx';
import { setupI18n } from './lib/i18n.ts';
import { createQueryClient } from './lib/query-client.ts';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

await setupI18n();
const queryClient = createQueryClient();

createRoot(root).render(
  <StrictMode>
    <AppProvider queryClient={queryClient}>
      <BrowserRouter basename="/admin">
        <AppRoutes />
      </BrowserRouter>
    </AppProvider>
  </StrictMode>,
);
