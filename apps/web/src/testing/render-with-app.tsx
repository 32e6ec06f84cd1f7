import { MantineProvider } from '@mantine/core';
import { sevabookTheme } from '@sevabook/ui';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter } from 'react-router';
import { setupI18n } from '../lib/i18n.ts';
import type { UiLanguage } from '../lib/temple-format.ts';

/** Renders a component inside the providers the site gives every page. */
export async function renderWithApp(
  ui: ReactElement,
  { language = 'en' }: { language?: UiLanguage } = {},
) {
  const i18n = await setupI18n(language);
  await i18n.changeLanguage(language);
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <MantineProvider theme={sevabookTheme}>
      <QueryClientProvider client={queryClient}>
        <MemoryRouter>{ui}</MemoryRouter>
      </QueryClientProvider>
    </MantineProvider>,
  );
}
