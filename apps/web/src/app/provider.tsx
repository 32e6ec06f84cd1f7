import { MantineProvider } from '@mantine/core';
import { sevabookCssVariablesResolver, sevabookTheme } from '@sevabook/ui';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';

export function AppProvider({
  queryClient,
  children,
}: {
  queryClient: QueryClient;
  children: ReactNode;
}) {
  return (
    <MantineProvider
      theme={sevabookTheme}
      cssVariablesResolver={sevabookCssVariablesResolver}
      // Contrast was checked for the light scheme only; a phone in dark mode still gets it.
      forceColorScheme="light"
    >
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </MantineProvider>
  );
}
