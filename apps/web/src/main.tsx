// First: before any module builds a zod schema.
import './lib/zod-jitless.ts';
import './app/styles.css';
import { preloadKannadaFont } from '@sevabook/ui';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { AppProvider } from './app/provider.tsx';
import { AppRoutes } from './app/router.tsx';
import { setupI18n } from './lib/i18n.ts';
import { createQueryClient } from './lib/query-client.ts';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

const i18n = await setupI18n();
if (i18n.resolvedLanguage === 'kn') preloadKannadaFont();
const queryClient = createQueryClient();

createRoot(root).render(
  <StrictMode>
    <AppProvider queryClient={queryClient}>
      <BrowserRouter>
        <AppRoutes />
      </BrowserRouter>
    </AppProvider>
  </StrictMode>,
);
