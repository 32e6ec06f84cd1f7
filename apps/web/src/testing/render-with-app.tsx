import { MantineProvider } from '@mantine/core';
import type { Temple } from '@sevabook/shared';
import { sevabookTheme, templeQueryOptions } from '@sevabook/ui';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter } from 'react-router';
import { setupI18n } from '../lib/i18n.ts';
import type { UiLanguage } from '../lib/temple-format.ts';

/**
 * Renders a component inside the providers the site gives every page. `temple` stands for the
 * temple's answer, which on a page the header has already asked for.
 */
export async function renderWithApp(
  ui: ReactElement,
  { language = 'en', temple }: { language?: UiLanguage; temple?: Temple } = {},
) {
  const i18n = await setupI18n(language);
  await i18n.changeLanguage(language);
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  if (temple) queryClient.setQueryData(templeQueryOptions().queryKey, temple);
  return render(
    <MantineProvider theme={sevabookTheme}>
      <QueryClientProvider client={queryClient}>
        <MemoryRouter>{ui}</MemoryRouter>
      </QueryClientProvider>
    </MantineProvider>,
  );
}
